/** What the grid's operations work with for one account: its database, views and fields. */
import type { SqliteDatabase } from '../store/open';
import type { TypeFields } from './type-fields';
import type { ViewRows } from './view-rows';

export interface CatalogContext {
  db: SqliteDatabase;
  views: ViewRows;
  fields: TypeFields;
}
