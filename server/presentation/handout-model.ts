// The content of an A4 handout: two items per page, each with a QR code to its page.
import type { Catalogue } from '../catalogue/catalogue';
import type { Item } from '../domain/checklist';
import { deckItems, type DeckSource } from './deck-view';
import { qrSvg } from './qr';
import { leniencyDisplay } from '../catalogue/leniency-label';
import { translateAny } from '../i18n';

export interface HandoutItem {
  readonly code: string;
  readonly title: string;
  readonly domainName: string;
  readonly illegal: string;
  readonly basis: readonly { readonly cite: string; readonly text: string }[];
  readonly penalty: string;
  readonly guidance: readonly string[];
  readonly leniency: readonly {
    readonly labelKey: string;
    /** Condition of a statutory exemption, or the 个案认定 / 逾期不改 line, in Chinese. */
    readonly detail: string;
    readonly conditions: readonly string[];
    readonly basis: string;
    readonly note: string;
  }[];
  readonly url: string;
}

function handoutItem(item: Item, domainName: string, origin: string): HandoutItem {
  return {
    code: item.code,
    title: item.title,
    domainName,
    illegal: item.illegal,
    basis: item.basis.map((b) => ({ cite: `《${b.law}》${b.article}`, text: b.text })),
    penalty: item.penalty.map((p) => p.summary).join('；'),
    guidance: item.guidance,
    leniency: item.leniency.map((l) => {
      const d = leniencyDisplay(l);
      const caveat = d.caveatKey ? translateAny('zh-CN', d.caveatKey, { ...d.caveatParams }) : '';
      return {
        labelKey: d.labelKey,
        detail: [d.labelDetail ?? '', caveat].filter(Boolean).join('；'),
        conditions: l.conditions ?? [],
        basis: l.source ? `${l.basis}；${l.source}` : l.basis,
        note: l.kind === 'none' || l.kind === 'no-fine' ? (l.note ?? '') : '',
      };
    }),
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
