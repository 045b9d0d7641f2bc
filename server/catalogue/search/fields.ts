// The searchable fields of an item and their BM25F weights: what people type
// matches the title and the everyday phrasings first, then the self-check
// question, 什么是违法, guidance, evidence, the laws and quotes, and cases.
import type { Item } from '../../domain/checklist';

export interface FieldSpec {
  readonly name: FieldName;
  readonly weight: number;
  /** BM25 length normalisation: 0 = none, 1 = full. */
  readonly b: number;
}

export type FieldName =
  'title' | 'keywords' | 'question' | 'illegal' | 'guidance' | 'evidence' | 'law' | 'leniency' | 'cases';

export const FIELDS: readonly FieldSpec[] = [
  { name: 'title', weight: 3, b: 0.5 },
  { name: 'keywords', weight: 3, b: 0.3 },
  { name: 'question', weight: 1.8, b: 0.6 },
  { name: 'illegal', weight: 1.4, b: 0.75 },
  { name: 'guidance', weight: 0.9, b: 0.75 },
  { name: 'evidence', weight: 0.8, b: 0.75 },
  { name: 'law', weight: 0.6, b: 0.75 },
  { name: 'leniency', weight: 0.4, b: 0.75 },
  { name: 'cases', weight: 0.5, b: 0.75 },
];

/** The text of each field of an item (lists joined by a line break). */
export function fieldTexts(item: Item): Record<FieldName, string> {
  const join = (parts: ReadonlyArray<string | undefined>): string =>
    parts.filter((p): p is string => p !== undefined && p !== '').join('\n');
  return {
    title: item.title,
    keywords: join(item.keywords ?? []),
    question: item.question,
    illegal: item.illegal,
    guidance: join(item.guidance),
    evidence: join(item.evidence),
    law: join([
      ...item.basis.flatMap((b) => [`${b.law} ${b.article}`, b.text]),
      ...item.penalty.flatMap((p) => [`${p.law} ${p.article}`, p.text, p.summary]),
    ]),
    leniency: join(item.leniency.flatMap((l) => [...(l.conditions ?? []), l.note])),
    cases: join((item.cases ?? []).flatMap((c) => [c.title, c.facts, c.outcome, c.lesson])),
  };
}
