// The content of an A4 handout: two items per page, each with a QR code to its page.
import type { MessageKey } from '../i18n';
import type { Catalogue } from '../catalogue/catalogue';
import type { Item } from '../domain/checklist';
import { deckItems, type DeckSource } from './deck-view';
import { qrSvg } from './qr';

export interface HandoutItem {
  readonly code: string;
  readonly title: string;
  readonly domainName: string;
  readonly illegal: string;
  readonly basis: readonly { readonly cite: string; readonly text: string }[];
  readonly penalty: string;
  readonly guidance: readonly string[];
  readonly leniency: readonly {
    readonly labelKey: MessageKey;
    readonly conditions: readonly string[];
    readonly basis: string;
    readonly note: string;
  }[];
  readonly url: string;
}

export function handoutItem(item: Item, domainName: string, origin: string): HandoutItem {
  return {
    code: item.code,
    title: item.title,
    domainName,
    illegal: item.illegal,
    basis: item.basis.map((b) => ({ cite: `《${b.law}》${b.article}`, text: b.text })),
    penalty: item.penalty.map((p) => p.summary).join('；'),
    guidance: item.guidance,
    leniency: item.leniency.map((l) => ({
      labelKey: `leniency.${l.kind}`,
      conditions: l.conditions ?? [],
      basis: l.source ? `${l.basis}；${l.source}` : l.basis,
      note: l.kind === 'none' ? (l.note ?? '') : '',
    })),
    url: `${origin}/items/${item.code}`,
  };
}

export function handoutItems(source: DeckSource, catalogue: Catalogue, origin: string): HandoutItem[] {
  return deckItems(source).map(({ item, domainCode }) =>
    handoutItem(item, catalogue.domain(domainCode)?.name ?? domainCode, origin),
  );
}

export async function handoutView(
  source: DeckSource,
  catalogue: Catalogue,
  origin: string,
): Promise<Record<string, unknown>> {
  const items = await Promise.all(
    handoutItems(source, catalogue, origin).map(async (i) => ({ ...i, qr: await qrSvg(i.url) })),
  );
  const pages: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += 2) pages.push(items.slice(i, i + 2));
  return { deck: source, pages, itemCount: items.length, title: `${source.title} · 讲义` };
}
