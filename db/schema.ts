// Typed tables for kysely. Column types say what pg returns (timestamptz → Date,
// jsonb → object), so queries are checked end to end.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ChecklistContent } from '../server/catalogue/types';

export interface ChecklistVersionsTable {
  id: Generated<number>;
  content_hash: string;
  content: ColumnType<ChecklistContent, string, string>;
  item_count: number;
  created_at: ColumnType<Date, never, never>;
  is_current: boolean;
}

export interface Database {
  checklist_versions: ChecklistVersionsTable;
}

export type ChecklistVersionRow = Selectable<ChecklistVersionsTable>;
