// What every area's routes get from createApp.
import type { Kysely } from 'kysely';
import type { CopyCsv } from '../db';
import type { Database } from '../db/schema';
import type { AccountLimits } from './config';
import type { CatalogueStore } from './catalogue/catalogue-store';
import type { PublicFileCache } from './http/public-files';
import type { Views } from './http/views';
import type { WorkLimiter } from './http/work-limiter';
import type { Logger } from './logger';

export interface AreaDeps {
  readonly db: Kysely<Database>;
  readonly catalogues: CatalogueStore;
  readonly views: Views;
  readonly logger: Logger;
  readonly production: boolean;
  /** Slots for PDF/DOCX/XLSX renders: a render runs in one (see WorkLimiter). */
  readonly renders: WorkLimiter;
  /** Login-free files rendered once per checklist version, language and origin. */
  readonly publicFiles: PublicFileCache;
  /** PostgreSQL's COPY TO STDOUT, when the database has it. */
  readonly copyCsv?: CopyCsv;
  /** What one account may keep at once (open drafts, decks). */
  readonly limits: AccountLimits;
}
