/** The catalog grid's channels: views, edits (each one undoable action), history, conflicts, layouts. */
import type { HandlersFor } from '../../../preload/contract';
import type { WorkerRuntime } from '../runtime';

type CatalogChannel = Extract<keyof HandlersFor<'worker'>, `catalog:${string}`>;

export function catalogHandlers({ catalog }: WorkerRuntime): Pick<HandlersFor<'worker'>, CatalogChannel> {
  return {
    'catalog:fields': ({ engine, type }) => ({ fields: catalog.fields(engine, type) }),
    'catalog:rows': (input) => catalog.rows(input),
    'catalog:edit': (input) => catalog.edit(input),
    'catalog:paste': (input) => catalog.paste(input),
    'catalog:pasteNew': (input) => catalog.pasteNew(input),
    'catalog:fill': (input) => catalog.fill(input),
    'catalog:copy': (input) => catalog.copy(input),
    'catalog:replace': (input) => catalog.replace(input),
    'catalog:create': (input) => catalog.create(input),
    'catalog:delete': (input) => catalog.delete(input),
    'catalog:undo': () => catalog.undo(),
    'catalog:redo': () => catalog.redo(),
    'catalog:undoState': () => catalog.undoState(),
    'catalog:itemHistory': ({ engine, type, id }) => ({ entries: catalog.itemHistory(engine, type, id) }),
    'catalog:resolve': (input) => catalog.resolve(input),
    'catalog:layout': ({ engine, type }) => ({ layout: catalog.layout(engine, type) }),
    'catalog:saveLayout': ({ engine, type, layout }) => {
      catalog.saveLayout(engine, type, layout);
      return { saved: true as const };
    },
  };
}
