// The current catalogue and every older version asked for, each read once.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ChecklistContent } from '../domain/checklist';
import { Catalogue } from './catalogue';

/** Versions stored before scenes existed have none in their JSON content. */
function withScenes(content: Omit<ChecklistContent, 'scenes'> & { readonly scenes?: ChecklistContent['scenes'] }) {
  return { ...content, scenes: content.scenes ?? [] };
}

/** Older versions stay readable: loaded once from the database and kept (they never change). */
export class CatalogueStore {
  private readonly byId = new Map<number, Catalogue>();

  constructor(
    private readonly db: Kysely<Database>,
    private currentCatalogue: Catalogue,
  ) {
    this.byId.set(currentCatalogue.version.id, currentCatalogue);
  }

  current(): Catalogue {
    return this.currentCatalogue;
  }

  async version(id: number): Promise<Catalogue | undefined> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const row = await this.db.selectFrom('checklist_versions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const catalogue = new Catalogue(
      { id: row.id, hash: row.content_hash, createdAt: row.created_at },
      withScenes(row.content),
    );
    this.byId.set(id, catalogue);
    return catalogue;
  }
}
