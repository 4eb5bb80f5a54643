/** PLACEHOLDER (being built): the catalog grid's channels. */
import type { HandlersFor } from '../../../preload/contract';
import { AppError } from '../../errors';
import type { WorkerRuntime } from '../runtime';

type CatalogChannel = Extract<keyof HandlersFor<'worker'>, `catalog:${string}`>;

export function catalogHandlers(_runtime: WorkerRuntime): Pick<HandlersFor<'worker'>, CatalogChannel> {
  const notYet = () => {
    throw new AppError('internal', 'The catalog grid is not built yet.');
  };
  return {
    'catalog:fields': notYet,
    'catalog:rows': notYet,
    'catalog:edit': notYet,
    'catalog:paste': notYet,
    'catalog:pasteNew': notYet,
    'catalog:fill': notYet,
    'catalog:copy': notYet,
    'catalog:replace': notYet,
    'catalog:create': notYet,
    'catalog:delete': notYet,
    'catalog:undo': notYet,
    'catalog:redo': notYet,
    'catalog:undoState': notYet,
    'catalog:itemHistory': notYet,
    'catalog:resolve': notYet,
    'catalog:layout': notYet,
    'catalog:saveLayout': notYet,
  };
}
