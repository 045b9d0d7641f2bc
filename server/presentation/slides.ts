// Turns checklist items into 16:9 slides. Slides are authored for 1920×1080 and
// scale with the viewport (container units), so a line holds the same text at
// any size: we can estimate lines here and split long content across slides
// instead of shrinking the type below a readable size.
import type { Case, Item, Leniency } from '../domain/checklist';
import { leniencyDisplay } from '../catalogue/leniency-label';
import { translateAny } from '../i18n';

export type BlockStyle = 'para' | 'quote' | 'cite' | 'point' | 'label';

export interface Block {
  readonly style: BlockStyle;
  readonly text: string;
}

export interface Section {
  /** Message key of the section heading (item.illegal, item.basis…). */
  readonly headingKey: string;
  readonly blocks: readonly Block[];
}

export interface PlacedSection {
  readonly headingKey: string;
  readonly continued: boolean;
  readonly blocks: readonly Block[];
}

export interface ItemNotes {
  readonly evidence: readonly string[];
  readonly cases: readonly string[];
  readonly guidance: readonly string[];
  readonly lecturerNote: string;
}

interface SlideBase {
  readonly id: string;
}

export interface TitleSlide extends SlideBase {
  readonly kind: 'title';
}

export interface ItemSlide extends SlideBase {
  readonly kind: 'item';
  readonly code: string;
  readonly title: string;
  readonly domainCode: string;
  readonly high: boolean;
  readonly part: number;
  readonly parts: number;
  readonly columns: readonly (readonly PlacedSection[])[];
  readonly notes: ItemNotes;
}

export interface CaseSlide extends SlideBase {
  readonly kind: 'case';
  readonly code: string;
  readonly title: string;
  readonly illustrative: boolean;
  readonly part: number;
  readonly parts: number;
  readonly columns: readonly (readonly PlacedSection[])[];
  readonly lesson: string;
  readonly lecturerNote: string;
}

export interface ClosingSlide extends SlideBase {
  readonly kind: 'closing';
}

export type Slide = TitleSlide | ItemSlide | CaseSlide | ClosingSlide;

/** Layout budget of one slide, in estimated lines of body text (32 px at 1920 wide). */
export const LAYOUT = {
  charsPerLine: 25,
  /** With a one-line slide title; each further title line takes TITLE_LINE_COST. */
  linesPerColumn: 16.5,
  titleCharsPerLine: 36,
  titleLineCost: 1.3,
  headingLines: 1.5,
  blockGapLines: 0.2,
  columns: 2,
} as const;

/** Lines left for the columns under a slide title of this text. */
export function columnBudget(title: string): number {
  const titleLines = Math.max(1, Math.ceil(textWidth(title) / LAYOUT.titleCharsPerLine));
  return LAYOUT.linesPerColumn - (titleLines - 1) * LAYOUT.titleLineCost;
}

/** Width of a text in CJK character cells: Latin letters and digits are about half a cell. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
  return w;
}

function charsPerLine(style: BlockStyle): number {
  return LAYOUT.charsPerLine - (style === 'point' || style === 'quote' ? 1.5 : 0);
}

export function blockLines(block: Block): number {
  return Math.max(1, Math.ceil(textWidth(block.text) / charsPerLine(block.style))) + LAYOUT.blockGapLines;
}

/** Splits a block that alone is taller than a column at sentence ends (。；), else hard. */
export function splitBlock(block: Block, maxLines: number): Block[] {
  if (blockLines(block) <= maxLines) return [block];
  const budget = Math.max(1, Math.floor(maxLines - LAYOUT.blockGapLines)) * charsPerLine(block.style);
  const pieces = block.text.match(/[^。；;！？]+[。；;！？]?/g) ?? [block.text];
  const out: Block[] = [];
  let current = '';
  const flush = (): void => {
    if (current) {
      out.push({ style: block.style, text: current });
      current = '';
    }
  };
  for (const piece of pieces) {
    if (textWidth(current + piece) <= budget) {
      current += piece;
      continue;
    }
    flush();
    let rest = piece;
    while (textWidth(rest) > budget) {
      let cut = 0;
      let w = 0;
      for (const ch of rest) {
        w += textWidth(ch);
        if (w > budget) break;
        cut += ch.length;
      }
      out.push({ style: block.style, text: rest.slice(0, cut) });
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return out;
}

/** The first sentences of a block that fit in `lines`, and the rest (or [undefined, undefined]). */
function takeLines(block: Block, lines: number): [Block | undefined, Block | undefined] {
  if (block.style === 'cite' || block.style === 'label') return [undefined, undefined];
  const pieces = block.text.match(/[^。；;，,！？]+[。；;，,！？]?/g) ?? [block.text];
  let head = '';
  for (const piece of pieces) {
    if (blockLines({ style: block.style, text: head + piece }) > lines) break;
    head += piece;
  }
  if (head === '' || head === block.text) return [undefined, undefined];
  return [
    { style: block.style, text: head },
    { style: block.style, text: block.text.slice(head.length) },
  ];
}

/**
 * Packs sections into pages of LAYOUT.columns columns, in reading order. A heading is
 * never left alone at the bottom of a column; a section that goes on repeats its heading.
 */
export function packSections(sections: readonly Section[], max: number = LAYOUT.linesPerColumn): PlacedSection[][][] {
  const pages: PlacedSection[][][] = [];
  let page: PlacedSection[][] = [[]];
  let used = 0;
  const nextColumn = (): void => {
    if (page.length < LAYOUT.columns) page.push([]);
    else {
      pages.push(page);
      page = [[]];
    }
    used = 0;
  };
  const column = (): PlacedSection[] => page[page.length - 1];
  for (const section of sections) {
    const blocks = section.blocks.flatMap((b) => splitBlock(b, max - LAYOUT.headingLines));
    let open: { headingKey: string; continued: boolean; blocks: Block[] } | undefined;
    let continued = false;
    const queue = [...blocks];
    while (queue.length > 0) {
      let block = queue.shift() as Block;
      let lines = blockLines(block);
      const heading = open ? 0 : LAYOUT.headingLines;
      // Fill the rest of the column with the first sentences rather than leave it empty.
      const room = max - used - heading;
      if (used > 0 && lines > room && room >= 3) {
        const [head, tail] = takeLines(block, room);
        if (head && tail) {
          block = head;
          lines = blockLines(head);
          queue.unshift(tail);
        }
      }
      // A citation or label stays with (the start of) what it introduces.
      const keepWith =
        (block.style === 'cite' || block.style === 'label') && queue.length > 0
          ? Math.min(2 + LAYOUT.blockGapLines, blockLines(queue[0]))
          : 0;
      const need = lines + heading + keepWith;
      if (used + need > max && used > 0) {
        nextColumn();
        if (open) continued = true;
        open = undefined;
      }
      if (!open) {
        open = { headingKey: section.headingKey, continued, blocks: [] };
        column().push(open);
        used += LAYOUT.headingLines;
      }
      open.blocks.push(block);
      used += lines;
    }
  }
  if (page.some((c) => c.length > 0)) pages.push(page);
  return pages;
}

/** Packs, and when everything fits on one slide, balances the two columns. */
function packBalanced(sections: readonly Section[], max: number): PlacedSection[][][] {
  const pages = packSections(sections, max);
  if (pages.length !== 1) return pages;
  for (let m = Math.ceil(max / 2); m < max; m += 0.5) {
    const tighter = packSections(sections, m);
    if (tighter.length === 1) return tighter;
  }
  return pages;
}

function leniencyBlocks(l: Leniency): Block[] {
  // The label stays a message key (the deck translates it); detail and caveat are Chinese lines.
  const d = leniencyDisplay(l);
  const blocks: Block[] = [{ style: 'label', text: d.labelKey }];
  if (d.labelDetail) blocks.push({ style: 'para', text: d.labelDetail });
  if (d.caveatKey) blocks.push({ style: 'para', text: translateAny('zh-CN', d.caveatKey, { ...d.caveatParams }) });
  for (const c of l.conditions ?? []) blocks.push({ style: 'point', text: c });
  if (l.correctionDays) blocks.push({ style: 'para', text: `改正期限：${l.correctionDays} 日内` });
  if ((l.kind === 'none' || l.kind === 'no-fine') && l.note) blocks.push({ style: 'para', text: l.note });
  blocks.push({ style: 'cite', text: l.source ? `${l.basis}；${l.source}` : l.basis });
  return blocks;
}

function itemSections(item: Item): Section[] {
  return [
    { headingKey: 'item.illegal', blocks: [{ style: 'para', text: item.illegal }] },
    {
      headingKey: 'item.basis',
      blocks: [
        ...item.basis.flatMap((b): Block[] => [
          { style: 'cite', text: `《${b.law}》${b.article}` },
          { style: 'quote', text: b.text },
        ]),
        ...item.penalty.slice(0, 1).map((p): Block => ({ style: 'para', text: `处罚：${p.summary}` })),
      ],
    },
    { headingKey: 'item.guidance', blocks: item.guidance.map((g): Block => ({ style: 'point', text: g })) },
    { headingKey: 'item.leniency', blocks: item.leniency.flatMap(leniencyBlocks) },
  ];
}

function caseSections(c: Case): Section[] {
  return [
    { headingKey: 'item.caseFacts', blocks: [{ style: 'para', text: c.facts }] },
    { headingKey: 'item.caseOutcome', blocks: [{ style: 'para', text: c.outcome }] },
    { headingKey: 'item.caseLesson', blocks: [{ style: 'para', text: c.lesson }] },
  ];
}

export interface DeckEntry {
  readonly item: Item;
  readonly domainCode: string;
  readonly lecturerNote?: string;
}

/** Title slide, then per item its slides and case slides, then the closing slide. */
export function buildSlides(entries: readonly DeckEntry[]): Slide[] {
  const slides: Slide[] = [{ kind: 'title', id: 'title' }];
  for (const { item, domainCode, lecturerNote = '' } of entries) {
    const pages = packBalanced(itemSections(item), columnBudget(item.title));
    const notes: ItemNotes = {
      evidence: item.evidence,
      cases: (item.cases ?? []).map((c) => c.title),
      guidance: item.guidance,
      lecturerNote,
    };
    pages.forEach((columns, i) => {
      slides.push({
        kind: 'item',
        id: i === 0 ? item.code : `${item.code}-${i + 1}`,
        code: item.code,
        title: item.title,
        domainCode,
        high: item.frequency === 'high',
        part: i + 1,
        parts: pages.length,
        columns,
        notes,
      });
    });
    (item.cases ?? []).forEach((c, ci) => {
      const casePages = packBalanced(caseSections(c), columnBudget(c.title));
      casePages.forEach((columns, i) => {
        slides.push({
          kind: 'case',
          id: `${item.code}-case${ci + 1}${i > 0 ? `-${i + 1}` : ''}`,
          code: item.code,
          title: c.title,
          illustrative: c.illustrative,
          part: i + 1,
          parts: casePages.length,
          columns,
          lesson: c.lesson,
          lecturerNote,
        });
      });
    });
  }
  slides.push({ kind: 'closing', id: 'end' });
  return slides;
}
