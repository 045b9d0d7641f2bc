// Types of the checklist content, mirroring checklists/schema/domain.schema.json.
// The schema is the source of truth; these types describe what passes it.

export type Consequence =
  'warning' | 'fine' | 'confiscation' | 'suspension' | 'licence' | 'credit' | 'detention' | 'criminal' | 'civil';

export type LeniencyKind = 'no-penalty' | 'first-violation' | 'lighter' | 'none';

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

/** Everyday words (terms) the search maps to the checklist's legal terms (means). */
export interface Synonym {
  readonly terms: readonly string[];
  readonly means: readonly string[];
  readonly note?: string;
}

/** Everything read from checklists/: what a checklist version stores. */
export interface ChecklistContent {
  readonly profile: Profile;
  readonly domains: readonly Domain[];
  /** checklists/synonyms.yaml; absent in versions stored before it existed. */
  readonly synonyms?: readonly Synonym[];
}
