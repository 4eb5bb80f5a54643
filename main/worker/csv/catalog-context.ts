/**
 * The catalog's working set (catalog/context.ts) over an account database, for the import's
 * apply and the export of a view. Its own view cache: the grid's caches see the type's
 * version move after an apply and read again (catalog/versions.ts).
 */
import type { CatalogContext } from '../catalog/context';
import { TypeFields } from '../catalog/type-fields';
import { FieldIndexes } from '../catalog/view-indexes';
import { ViewRows } from '../catalog/view-rows';
import type { SqliteDatabase } from '../store/open';

export function catalogContext(db: SqliteDatabase): CatalogContext {
  const fields = new TypeFields(db);
  return { db, fields, views: new ViewRows(db, new FieldIndexes(db), (engine, type) => fields.kindOf(engine, type)) };
}
