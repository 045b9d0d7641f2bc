// What the assessment pages show, computed from an assessment and the checklist
// version it is pinned to. Pure functions: no request, no database.
import type { Catalogue } from '../catalogue/catalogue';
import type { Domain, Item } from '../domain/checklist';
import { translate, type Lang } from '../i18n';
import { ANSWER_STATUSES, statusCarriesAction, type AnswerStatus } from '../domain/answer-status';
import { itemFields, type ItemFormValues } from './answer-form';
import { citationHeading } from './report-words';
import type { AssessmentDetail } from './service';

export type TaskStatus = 'notStarted' | 'inProgress' | 'completed';

export interface DomainTask {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
  readonly items: readonly Item[];
  readonly total: number;
  readonly answered: number;
  readonly status: TaskStatus;
}

export { formatDate, formatDateTime } from '../lib/dates';

export function percent(answered: number, total: number): number {
  return total === 0 ? 100 : Math.floor((answered / total) * 100);
}

/** The domains with at least one item of the assessment, in checklist order. */
export function domainTasks(
  catalogue: Catalogue,
  assessment: Pick<AssessmentDetail, 'items' | 'answers'>,
): DomainTask[] {
  const included = new Set(assessment.items);
  return catalogue.domains.flatMap((d) => {
    const items = d.items.filter((i) => included.has(i.code));
    if (items.length === 0) return [];
    const answered = items.filter((i) => assessment.answers[i.code] !== undefined).length;
    const status: TaskStatus = answered === 0 ? 'notStarted' : answered === items.length ? 'completed' : 'inProgress';
    return [
      {
        code: d.code,
        name: d.name,
        nameEn: d.nameEn,
        department: d.department,
        items,
        total: items.length,
        answered,
        status,
      },
    ];
  });
}

export interface ItemErrors {
  readonly status?: string;
  readonly note?: string;
  readonly owner?: string;
  readonly dueDate?: string;
  readonly correctedOn?: string;
}

/** One item's fieldset on a domain page. */
export function itemView(item: Item, values: ItemFormValues, errors: ItemErrors, lang: Lang): Record<string, unknown> {
  const f = itemFields(item.code);
  return {
    code: item.code,
    title: item.title,
    question: item.question,
    illegal: item.illegal,
    high: item.frequency === 'high',
    basis: item.basis.map((b) => ({ heading: citationHeading(b), text: b.text })),
    penalty: item.penalty.map((p) => ({ heading: citationHeading(p), summary: p.summary })),
    guidance: item.guidance,
    fields: f,
    values,
    errors,
    hasErrors: Object.values(errors).some(Boolean),
    statuses: ANSWER_STATUSES.map((value) => ({
      value,
      id: `${item.code}-status-${value}`,
      label: translate(lang, `report.status.${value}`),
      checked: values.status === value,
    })),
  };
}

/** Field errors of one item, looked up by the form field names. */
export function itemErrors(code: string, fields: Readonly<Record<string, string>>): ItemErrors {
  const f = itemFields(code);
  return {
    status: fields[f.status.name],
    note: fields[f.note.name],
    owner: fields[f.owner.name],
    dueDate: fields[f.dueDate.name],
    correctedOn: fields[f.correctedOn.name],
  };
}

/** The "check your answers" summary: every item per domain, unanswered ones flagged. */
export interface CheckRowView {
  readonly code: string;
  readonly question: string;
  readonly title: string;
  readonly changeUrl: string;
  readonly answered: boolean;
  readonly status: AnswerStatus | undefined;
  readonly statusLabel: string | undefined;
  readonly note: string | null;
  readonly action: { owner: string | null; dueDate: string | null; correctedOn: string | null } | null;
}

export interface CheckDomainView {
  readonly code: string;
  readonly name: string;
  readonly answered: number;
  readonly total: number;
  readonly complete: boolean;
  readonly rows: readonly CheckRowView[];
}

export function checkView(
  id: string,
  tasks: readonly DomainTask[],
  assessment: Pick<AssessmentDetail, 'answers'>,
  lang: Lang,
): CheckDomainView[] {
  return tasks.map((task) => ({
    code: task.code,
    name: task.name,
    answered: task.answered,
    total: task.total,
    complete: task.answered === task.total,
    rows: task.items.map((item) => {
      const answer = assessment.answers[item.code];
      return {
        code: item.code,
        question: item.question,
        title: item.title,
        changeUrl: `/assess/${id}/domains/${task.code}?return=check#item-${item.code}`,
        answered: answer !== undefined,
        status: answer?.status,
        statusLabel: answer ? translate(lang, `report.status.${answer.status}`) : undefined,
        note: answer?.note ?? null,
        action:
          answer && statusCarriesAction(answer.status) && (answer.owner || answer.dueDate || answer.correctedOn)
            ? { owner: answer.owner, dueDate: answer.dueDate, correctedOn: answer.correctedOn }
            : null,
      };
    }),
  }));
}

/** Items of a profile grouped per domain, for the summary before starting and the printable list. */
export function itemsByDomain(
  catalogue: Catalogue,
  codes: readonly string[],
): Array<{ domain: Domain; items: Item[] }> {
  const included = new Set(codes);
  return catalogue.domains
    .map((domain) => ({ domain, items: domain.items.filter((i) => included.has(i.code)) }))
    .filter((g) => g.items.length > 0);
}
