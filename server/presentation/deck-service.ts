// Custom decks: a lecturer's own selection of items, pinned to the checklist
// version it was composed against and shared read-only through a random token.
import type { Kysely } from 'kysely';
import { keysetPage, readPage, type Page, type PageQuery } from '../lib/keyset';
import type { Database } from '../../db/schema';
import { randomToken } from '../lib/tokens';
import type { Catalogue } from '../catalogue/catalogue';
import { canonicalJson } from '../lib/canonical-json';
import type { CatalogueStore } from '../catalogue/catalogue-store';
import { badRequest, conflict, fieldError, notFound, type FieldError } from '../http/errors';

export const DECK_LIMITS = { title: 120, audienceNote: 1000, note: 2000, items: 200 } as const;

export interface DeckItemInput {
  readonly code: string;
  readonly note?: string;
}

export interface DeckInput {
  readonly title: string;
  readonly audienceNote?: string;
  readonly items: readonly DeckItemInput[];
}

export interface DeckItem {
  readonly code: string;
  readonly note: string;
}

export interface ItemChange {
  readonly code: string;
  readonly change: 'changed' | 'removed';
}

export interface Deck {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly audienceNote: string;
  readonly versionId: number;
  readonly shareToken: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly items: readonly DeckItem[];
}

export interface DeckSummary {
  readonly id: string;
  readonly title: string;
  readonly versionId: number;
  readonly itemCount: number;
  readonly updatedAt: Date;
}

/** Codes must exist in the version the deck is pinned to, once each. */
function checkItems(catalogue: Catalogue, items: readonly DeckItemInput[]): DeckItem[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out = items.map((it, i) => {
    const found = catalogue.item(it.code);
    const code = found?.item.code ?? it.code;
    if (!found)
      errors.push(
        fieldError(`items/${i}/code`, 'present.error.itemMissing', { code: it.code, version: catalogue.version.id }),
      );
    else if (seen.has(code)) errors.push(fieldError(`items/${i}/code`, 'present.error.itemRepeated', { code }));
    seen.add(code);
    return { code, note: (it.note ?? '').trim() };
  });
  if (errors.length > 0) throw badRequest('present.error.badItems', undefined, errors);
  return out;
}

/** Items whose content differs between the pinned and the current version. */
function itemChanges(pinned: Catalogue, current: Catalogue, codes: readonly string[]): ItemChange[] {
  if (pinned.version.id === current.version.id) return [];
  return codes.flatMap((code): ItemChange[] => {
    const before = pinned.item(code);
    const now = current.item(code);
    if (!now) return [{ code, change: 'removed' }];
    if (!before || canonicalJson(before.item) !== canonicalJson(now.item)) return [{ code, change: 'changed' }];
    return [];
  });
}

export class DeckService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly catalogues: CatalogueStore,
    /** Decks one lecturer may keep. */
    private readonly maxDecks: number,
  ) {}

  /** One page of a lecturer's decks, last changed first (keyset on updated_at, id). */
  async list(ownerId: string, q: PageQuery): Promise<Page<DeckSummary>> {
    const rows = await this.db
      .selectFrom('decks as d')
      .select((eb) => [
        'd.id',
        'd.title',
        'd.version_id',
        'd.updated_at',
        eb
          .selectFrom('deck_items as i')
          .whereRef('i.deck_id', '=', 'd.id')
          .select((e) => e.fn.countAll<string>().as('n'))
          .as('item_count'),
      ])
      .where('d.owner_id', '=', ownerId)
      .$call(keysetPage('d.updated_at', 'd.id', q))
      .execute();
    const page = readPage(rows, q);
    return {
      ...page,
      items: page.items.map((r) => ({
        id: r.id,
        title: r.title,
        versionId: r.version_id,
        itemCount: Number(r.item_count ?? 0),
        updatedAt: r.updated_at,
      })),
    };
  }

  async create(ownerId: string, input: DeckInput): Promise<Deck> {
    const current = this.catalogues.current();
    const items = checkItems(current, input.items);
    const id = await this.db.transaction().execute(async (tx) => {
      // The lecturer's row is locked so that decks created at the same time are counted one after the other.
      await tx.selectFrom('users').select('id').where('id', '=', ownerId).forUpdate().execute();
      const kept = await tx
        .selectFrom('decks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('owner_id', '=', ownerId)
        .executeTakeFirstOrThrow();
      if (Number(kept.n) >= this.maxDecks) throw conflict('present.error.tooManyDecks', { max: this.maxDecks });
      const row = await tx
        .insertInto('decks')
        .values({
          owner_id: ownerId,
          version_id: current.version.id,
          title: input.title.trim(),
          audience_note: (input.audienceNote ?? '').trim(),
          share_token: randomToken(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (items.length > 0) {
        await tx
          .insertInto('deck_items')
          .values(items.map((it, position) => ({ deck_id: row.id, position, item_code: it.code, note: it.note })))
          .execute();
      }
      return row.id;
    });
    return this.getOrThrow(id);
  }

  /** Replaces title, note and items; `repin` moves the deck to the current version. */
  async update(deck: Deck, input: DeckInput, repin: boolean): Promise<Deck> {
    const versionId = repin ? this.catalogues.current().version.id : deck.versionId;
    const catalogue = await this.catalogueOf(versionId);
    const items = checkItems(catalogue, input.items);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('decks')
        .set({
          title: input.title.trim(),
          audience_note: (input.audienceNote ?? '').trim(),
          version_id: versionId,
          updated_at: new Date(),
        })
        .where('id', '=', deck.id)
        .execute();
      await tx.deleteFrom('deck_items').where('deck_id', '=', deck.id).execute();
      if (items.length > 0) {
        await tx
          .insertInto('deck_items')
          .values(items.map((it, position) => ({ deck_id: deck.id, position, item_code: it.code, note: it.note })))
          .execute();
      }
    });
    return this.getOrThrow(deck.id);
  }

  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('decks').where('id', '=', id).execute();
  }

  async get(id: string): Promise<Deck | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    return this.load(await this.db.selectFrom('decks').selectAll().where('id', '=', id).executeTakeFirst());
  }

  async byShareToken(token: string): Promise<Deck | undefined> {
    if (token.length < 20 || token.length > 100) return undefined;
    return this.load(await this.db.selectFrom('decks').selectAll().where('share_token', '=', token).executeTakeFirst());
  }

  async catalogueOf(versionId: number): Promise<Catalogue> {
    const catalogue = await this.catalogues.version(versionId);
    if (!catalogue) throw notFound('present.error.versionMissing', { version: versionId });
    return catalogue;
  }

  async changes(deck: Deck): Promise<ItemChange[]> {
    return itemChanges(
      await this.catalogueOf(deck.versionId),
      this.catalogues.current(),
      deck.items.map((i) => i.code),
    );
  }

  private async getOrThrow(id: string): Promise<Deck> {
    const deck = await this.get(id);
    if (!deck) throw notFound('present.error.noDeck');
    return deck;
  }

  private async load(
    row:
      | {
          id: string;
          owner_id: string;
          title: string;
          audience_note: string;
          version_id: number;
          share_token: string;
          created_at: Date;
          updated_at: Date;
        }
      | undefined,
  ): Promise<Deck | undefined> {
    if (!row) return undefined;
    const items = await this.db
      .selectFrom('deck_items')
      .select(['item_code', 'note'])
      .where('deck_id', '=', row.id)
      .orderBy('position')
      .execute();
    return {
      id: row.id,
      ownerId: row.owner_id,
      title: row.title,
      audienceNote: row.audience_note,
      versionId: row.version_id,
      shareToken: row.share_token,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      items: items.map((i) => ({ code: i.item_code, note: i.note })),
    };
  }
}
