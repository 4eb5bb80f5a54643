/** What cell renderers and editors get from the page through AG Grid's `context`. */
import type { FieldKind } from '../../preload/contract';
import type { GridController } from './grid-controller';

export interface ResolveTarget {
  id: string;
  /** One field, or null for every conflicting field of the item. */
  field: string | null;
}

export interface GridContext {
  grid: GridController;
  kindOf: (field: string) => FieldKind;
  /** One cell, one item, or every conflict of the current view. */
  resolve: (target: ResolveTarget | 'view', keep: 'mine' | 'theirs') => void;
}
