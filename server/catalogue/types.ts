// Types of the checklist content, mirroring checklists/schema/domain.schema.json.
// The schema is the source of truth; these types describe what passes it.

export type Consequence =
  'warning' | 'fine' | 'confiscation' | 'suspension' | 'licence' | 'credit' | 'detention' | 'criminal' | 'civil';

export type LeniencyKind =
  | 'no-penalty'
  | 'first-violation'
  | 'lighter'
  /** The law itself exempts (商标法第六十条第二款 合法来源, 食品安全法第一百三十六条 …). */
  | 'statutory-exemption'
  /** No administrative fine exists, only 责令改正 and civil liability. */
  | 'no-fine'
  | 'none';

export interface Citation {
  readonly law: string;
  readonly article: string;
  readonly text: string;
}

export interface PenaltyCitation extends Citation {
  readonly summary: string;
  readonly consequences?: readonly Consequence[];
}

export interface Leniency {
  readonly kind: LeniencyKind;
  readonly conditions?: readonly string[];
  readonly correctionDays?: number;
  readonly basis: string;
  readonly source?: string;
  /** The enforcer decides case by case (no published list sets the 轻微 conditions, or the law says 可以免予). */
  readonly discretionary?: true;
  /** no-penalty only: the penalty article fines only when an order to correct is ignored. */
  readonly correctionFirst?: true;
  /** no-fine only: what follows if the order to correct is ignored. */
  readonly ifIgnored?: string;
  readonly note?: string;
}

export interface Case {
  readonly title: string;
  readonly facts: string;
  readonly outcome: string;
  readonly lesson: string;
  readonly illustrative: boolean;
  readonly source?: string;
}

export interface Item {
  readonly code: string;
  readonly title: string;
  /** Everyday phrasings people search with (日常说法). */
  readonly keywords?: readonly string[];
  readonly question: string;
  readonly illegal: string;
  readonly basis: readonly Citation[];
  readonly penalty: readonly PenaltyCitation[];
  readonly guidance: readonly string[];
  readonly evidence: readonly string[];
  readonly leniency: readonly Leniency[];
  readonly appliesTo?: readonly string[];
  readonly frequency?: 'high' | 'normal';
  readonly cases?: readonly Case[];
  readonly reviewNeeded?: boolean;
  readonly reviewNote?: string;
}

export interface Domain {
  readonly code: string;
  readonly position: number;
  readonly name: string;
  readonly nameEn: string;
  readonly department: string;
  readonly summary: string;
  readonly items: readonly Item[];
}

export interface ProfileQuestion {
  readonly tag: string;
  readonly question: string;
  readonly questionEn: string;
  readonly hint?: string;
  readonly hintEn?: string;
}

export interface Profile {
  readonly questions: readonly ProfileQuestion[];
}

/** Everything read from checklists/: what a checklist version stores. */
export interface ChecklistContent {
  readonly profile: Profile;
  readonly domains: readonly Domain[];
}
