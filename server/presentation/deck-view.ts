// What every rendering of a deck (slides, speaker view, handouts, offline file)
// starts from: its identity, its entries from one checklist version, and URLs.
import type { Catalogue } from '../catalogue/catalogue';
import type { Domain, Item } from '../domain/checklist';
import type { Deck, ItemChange } from './deck-service';
import { qrSvg } from './qr';
import { buildSlides, type DeckEntry, type Slide } from './slides';

export interface DeckSource {
  /** Names the BroadcastChannel between audience and speaker windows. */
  readonly key: string;
  readonly kind: 'domain' | 'custom';
  readonly title: string;
  readonly subtitle: string;
  readonly department: string;
  readonly audienceNote: string;
  /** Where this deck's pages live: /present/domains/XF, /present/decks/:id, /present/shared/:token. */
  readonly basePath: string;
  /** The page the title slide's QR code opens (domain page, or the catalogue home). */
  readonly infoPath: string;
  /** The anonymous check-in poll of this deck. */
  readonly checkinPath: string;
  readonly version: { readonly id: number; readonly hash: string };
  readonly entries: readonly DeckEntry[];
  readonly changes: readonly ItemChange[];
  readonly fileName: string;
}

export function domainSource(catalogue: Catalogue, domain: Domain): DeckSource {
  return {
    key: `domain-${domain.code}`,
    kind: 'domain',
    title: domain.name,
    subtitle: domain.nameEn,
    department: domain.department,
    audienceNote: '',
    basePath: `/present/domains/${domain.code}`,
    infoPath: `/domains/${domain.code}`,
    checkinPath: `/present/checkin/domains/${domain.code}`,
    version: catalogue.version,
    entries: domain.items.map((item) => ({ item, domainCode: domain.code })),
    changes: [],
    fileName: `hegui-${domain.code}`,
  };
}

export function customSource(
  catalogue: Catalogue,
  deck: Deck,
  basePath: string,
  changes: readonly ItemChange[],
): DeckSource {
  const entries = deck.items.flatMap((it): DeckEntry[] => {
    const found = catalogue.item(it.code);
    return found ? [{ item: found.item, domainCode: found.domain.code, lecturerNote: it.note }] : [];
  });
  const departments = [
    ...new Set(entries.map((e) => catalogue.domain(e.domainCode)?.department).filter((d): d is string => Boolean(d))),
  ];
  return {
    key: `deck-${deck.id}`,
    kind: 'custom',
    title: deck.title,
    subtitle: '',
    department: departments.join('、'),
    audienceNote: deck.audienceNote,
    basePath,
    infoPath: '/',
    checkinPath: `/present/checkin/shared/${deck.shareToken}`,
    version: catalogue.version,
    entries,
    changes,
    fileName: `hegui-deck-${deck.id.slice(0, 8)}`,
  };
}

export interface DeckViewData extends Record<string, unknown> {
  readonly deck: DeckSource & {
    readonly itemCount: number;
    readonly infoUrl: string;
    readonly assessUrl: string;
    readonly checkinUrl: string;
  };
  readonly slides: readonly (Slide & { readonly number: number; readonly domainName?: string })[];
  readonly slideCount: number;
  readonly qrInfo: string;
  readonly qrAssess: string;
  readonly qrCheckin: string;
  readonly changedCodes: readonly string[];
}

export async function deckView(source: DeckSource, catalogue: Catalogue, origin: string): Promise<DeckViewData> {
  const infoUrl = `${origin}${source.infoPath}`;
  const assessUrl = `${origin}/assess`;
  const checkinUrl = `${origin}${source.checkinPath}`;
  const changed = new Set(source.changes.map((c) => c.code));
  const slides = buildSlides(source.entries).map((s, i) => ({
    ...s,
    number: i + 1,
    ...('code' in s ? { domainName: catalogue.item(s.code)?.domain.name, changed: changed.has(s.code) } : {}),
  }));
  return {
    deck: { ...source, itemCount: source.entries.length, infoUrl, assessUrl, checkinUrl },
    slides,
    slideCount: slides.length,
    qrInfo: await qrSvg(infoUrl),
    qrAssess: await qrSvg(assessUrl),
    qrCheckin: await qrSvg(checkinUrl),
    changedCodes: [...changed],
  };
}

/** The items of a deck in order, for handouts. */
export function deckItems(source: DeckSource): readonly { item: Item; domainCode: string; note: string }[] {
  return source.entries.map((e) => ({ item: e.item, domainCode: e.domainCode, note: e.lecturerNote ?? '' }));
}
