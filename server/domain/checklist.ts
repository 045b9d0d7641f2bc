// Types of the checklist content, mirroring checklists/schema/domain.schema.json.
// The schema is the source of truth; these types describe what passes it.

// They sit on the ground floor because the database stores a version's content
// (db/schema.ts) and every area reads it.

/** What a penalty can bring, in the order the schema lists them. */
export const CONSEQUENCES = [
  'warning',
  'fine',
  'confiscation',
  'suspension',
  'licence',
  'credit',
  'detention',
  'criminal',
  'civil',
] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

/**
 * 免罚轻罚: no-penalty (轻微不罚) and first-violation (首违可以不罚), 行政处罚法 第三十三条第一款;
 * lighter (从轻减轻), 第三十二条; statutory-exemption when the law itself exempts (商标法第六十条第二款
 * 合法来源, 食品安全法第一百三十六条 …); no-fine when no administrative fine exists, only 责令改正 and
 * civil liability; none when nothing relieves the penalty.
 */
export const LENIENCY_KINDS = [
  'no-penalty',
  'first-violation',
  'lighter',
  'statutory-exemption',
  'no-fine',
  'none',
] as const;
export type LeniencyKind = (typeof LENIENCY_KINDS)[number];

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
  readonly scenes: readonly Scene[];
  /** checklists/synonyms.yaml; absent in versions stored before it existed. */
  readonly synonyms?: readonly Synonym[];
}

/** 国民经济行业分类 (GB/T 4754-2017): a 门类 letter and the 大类 codes within it. */
export interface IndustryCodes {
  readonly section: string;
  readonly divisions: readonly string[];
}

/** A common trade (行业场景), mirroring checklists/schema/scene.schema.json. */
export interface Scene {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly description: string;
  readonly industries: readonly IndustryCodes[];
  /** Profile tags a firm of this trade nearly always has. */
  readonly tags: readonly string[];
  /** The quick check, in the order it is asked. */
  readonly quick: readonly string[];
  /** The other items that apply to the trade, ordered by domain. */
  readonly full: readonly string[];
  /** Why a quick item that is not high-frequency is in the quick list. */
  readonly reasons?: Readonly<Record<string, string>>;
  /** Items the tags select that the trade does not do, with the reason. */
  readonly omitted?: Readonly<Record<string, string>>;
}
