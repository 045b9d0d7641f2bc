// Guards the real scenes in checklists/scenes/: each quick list is 15–40
// existing codes, and every item a scene lists applies to a firm with the
// scene's tags. Quick, full and omitted together are exactly the items those
// tags select, so no applicable item is forgotten.
import { loadChecklists } from '../../server/catalogue/load';
import { QUICK_MAX, QUICK_MIN } from '../../server/catalogue/load-scenes';
import type { Item } from '../../server/domain/checklist';
import { checklistsDir } from '../support/app';

const content = loadChecklists(checklistsDir).content;
const scenes = content?.scenes ?? [];
const items = new Map<string, Item>((content?.domains ?? []).flatMap((d) => d.items.map((i) => [i.code, i] as const)));
const order = new Map([...items.keys()].map((code, i) => [code, i]));

/** The applicability rule of the assessment: no appliesTo, or a shared tag. */
const appliesTo = (item: Item, tags: readonly string[]): boolean =>
  !item.appliesTo || item.appliesTo.some((t) => tags.includes(t));

// The trades issue 13 asks for, by the id of the scene that covers them.
const TRADES = [
  'restaurant',
  'food-workshop',
  'convenience-store',
  'market-stall',
  'machining',
  'chemical-user',
  'woodworking',
  'printing-coating',
  'construction-main',
  'construction-labour',
  'road-freight',
  'warehouse',
  'auto-repair',
  'beauty-salon',
  'hotel',
  'online-shop',
  'office-services',
];

describe('the scenes in checklists/scenes/', () => {
  afterAll(() => {
    // The figures for the issue note.
    const rows = scenes.map(
      (s) => `${s.id.padEnd(20)} quick ${String(s.quick.length).padStart(2)}  full ${s.full.length}`,
    );
    console.log(`scenes:\n${rows.join('\n')}`);
  });

  it('covers at least the 17 common trades', () => {
    expect(scenes.length).toBeGreaterThanOrEqual(16);
    expect(TRADES.filter((id) => !scenes.some((s) => s.id === id))).toEqual([]);
  });

  it.each(TRADES)('%s: quick has 15–40 unique existing codes', (id) => {
    const scene = scenes.find((s) => s.id === id);
    expect(scene).toBeDefined();
    const quick = scene?.quick ?? [];
    expect(quick.length).toBeGreaterThanOrEqual(QUICK_MIN);
    expect(quick.length).toBeLessThanOrEqual(QUICK_MAX);
    expect(new Set(quick).size).toBe(quick.length);
    expect(quick.filter((c) => !items.has(c))).toEqual([]);
  });

  it('lists only items whose appliesTo the scene tags satisfy', () => {
    const wrong = scenes.flatMap((s) =>
      [...s.quick, ...s.full, ...Object.keys(s.omitted ?? {})]
        .filter((c) => {
          const item = items.get(c);
          return item !== undefined && !appliesTo(item, s.tags);
        })
        .map((c) => `${s.id}: ${c} applies to [${(items.get(c)?.appliesTo ?? []).join(', ')}]`),
    );
    expect(wrong).toEqual([]);
  });

  it('puts every item the tags select in quick, full or omitted', () => {
    const forgotten = scenes.flatMap((s) => {
      const listed = new Set([...s.quick, ...s.full, ...Object.keys(s.omitted ?? {})]);
      return [...items.values()]
        .filter((i) => appliesTo(i, s.tags) && !listed.has(i.code))
        .map((i) => `${s.id}: ${i.code}`);
    });
    expect(forgotten).toEqual([]);
  });

  it('orders each full list by domain and item', () => {
    const unordered = scenes
      .filter((s) => s.full.some((c, i) => i > 0 && (order.get(c) ?? 0) < (order.get(s.full[i - 1]) ?? 0)))
      .map((s) => s.id);
    expect(unordered).toEqual([]);
  });

  it('keeps the quick check short enough for fifteen minutes: no more than 40, most at most 35', () => {
    expect(scenes.filter((s) => s.quick.length > 35).map((s) => s.id)).toEqual([]);
  });
});
