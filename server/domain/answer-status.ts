// The four answers a company gives to an item, and the rule that goes with them.

/** In the order the forms offer them: 符合, 不符合, 不适用, 不确定. */
export const ANSWER_STATUSES = ['compliant', 'non_compliant', 'not_applicable', 'unsure'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** The answers that leave something to do: 不符合 and 不确定. */
export const ACTION_STATUSES = ['non_compliant', 'unsure'] as const satisfies readonly AnswerStatus[];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export function isAnswerStatus(value: unknown): value is AnswerStatus {
  return typeof value === 'string' && (ANSWER_STATUSES as readonly string[]).includes(value);
}

/** Only 不符合 and 不确定 carry an action: an owner, a due date and the day it was corrected. */
export function statusCarriesAction(status: string): status is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(status);
}

/** The fields of an answer that belong to its action. */
export const ACTION_FIELDS = ['owner', 'dueDate', 'correctedOn'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
