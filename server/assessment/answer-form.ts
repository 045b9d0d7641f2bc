// Reads and validates the answers of a domain page (one fieldset per item),
// with the same rules as the JSON API's answer schema.
import { ANSWER_STATUSES, statusCarriesAction } from '../domain/answer-status';
import type { Item } from '../domain/checklist';
import { field, FormErrors, type FormBody } from '../http/forms';
import { translate, type Lang } from '../i18n';
import { validateAnswer } from './answer-schema';
import type { AnswerRecord } from './report-builder';
import type { AnswerInput } from './answer-schema';

/** What the form holds for one item, as typed (kept on a re-render). */
export interface ItemFormValues {
  readonly status: string;
  readonly note: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly correctedOn: string;
}

/** Form field names and element ids of one item; codes like XF-001 are safe in both. */
export const itemFields = (code: string) => ({
  status: { name: `status.${code}`, id: `${code}-status-${ANSWER_STATUSES[0]}` },
  note: { name: `note.${code}`, id: `${code}-note` },
  owner: { name: `owner.${code}`, id: `${code}-owner` },
  dueDate: { name: `due.${code}`, id: `${code}-due` },
  correctedOn: { name: `corrected.${code}`, id: `${code}-corrected` },
});

/** Only 不符合 and 不确定 carry an action (owner, due date, corrected on). */

// Browsers send textarea line breaks as CRLF but count them as one character for maxlength.
const text = (value: string): string => value.replace(/\r\n?/g, '\n');

export function readItemForm(body: FormBody, code: string): ItemFormValues {
  const f = itemFields(code);
  return {
    status: field(body, f.status.name),
    note: text(field(body, f.note.name)),
    owner: field(body, f.owner.name),
    dueDate: field(body, f.dueDate.name).trim(),
    correctedOn: field(body, f.correctedOn.name).trim(),
  };
}

export function valuesOf(answer: AnswerRecord | undefined): ItemFormValues {
  return {
    status: answer?.status ?? '',
    note: answer?.note ?? '',
    owner: answer?.owner ?? '',
    dueDate: answer?.dueDate ?? '',
    correctedOn: answer?.correctedOn ?? '',
  };
}

/** The answer to save, or undefined when the item was left unanswered. Errors are added to `errors`. */
export function answerFromForm(
  item: Item,
  values: ItemFormValues,
  errors: FormErrors,
  lang: Lang,
): AnswerInput | undefined {
  const f = itemFields(item.code);
  const code = item.code;
  const blank = values.status === '';
  if (blank) {
    // A note or action without an answer would be lost silently.
    if (values.note.trim() || values.owner.trim() || values.dueDate || values.correctedOn) {
      errors.add(f.status.name, f.status.id, translate(lang, 'answer.error.status', { code }));
    }
    return undefined;
  }
  const action = statusCarriesAction(values.status);
  const candidate: Record<string, unknown> = {
    status: values.status,
    note: values.note.trim() ? values.note : null,
    owner: action && values.owner.trim() ? values.owner.trim() : null,
    dueDate: action && values.dueDate ? values.dueDate : null,
    correctedOn: action && values.correctedOn ? values.correctedOn : null,
  };
  const result = validateAnswer(candidate);
  if (result.ok) return result.value;
  const failed = new Set(result.errors.map((e) => e.field));
  if (failed.has('status')) errors.add(f.status.name, f.status.id, translate(lang, 'answer.error.status', { code }));
  if (failed.has('note')) errors.add(f.note.name, f.note.id, translate(lang, 'answer.error.note', { code }));
  if (failed.has('owner')) errors.add(f.owner.name, f.owner.id, translate(lang, 'answer.error.owner', { code }));
  if (failed.has('dueDate'))
    errors.add(
      f.dueDate.name,
      f.dueDate.id,
      translate(lang, 'answer.error.date', { code, field: translate(lang, 'answer.due') }),
    );
  if (failed.has('correctedOn'))
    errors.add(
      f.correctedOn.name,
      f.correctedOn.id,
      translate(lang, 'answer.error.date', { code, field: translate(lang, 'answer.corrected') }),
    );
  return undefined;
}
