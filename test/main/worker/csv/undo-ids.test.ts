/** The undo state names the action by id, so the import page can tell whether undo would take back its import. */
import { afterEach, describe, expect, it } from 'vitest';
import { typeInto } from '../catalog/catalog-fixture';
import { csvFile } from './csv-files';
import { csvFixture, ENGINE, TYPE, type CsvFixture } from './csv-fixture';

let fixture: CsvFixture;

afterEach(() => fixture.close());

async function importFile(text: string) {
  const { importId } = await fixture.csv.dryRun({
    file: csvFile(text),
    engine: ENGINE,
    type: TYPE,
    mode: 'merge',
    mapping: null,
  });
  return fixture.csv.apply({ importId });
}

describe('undo state ids', () => {
  it('give the applied import as the one to undo, then to redo, and another action once the user edits', async () => {
    fixture = csvFixture();
    expect(fixture.catalog.undoState()).toMatchObject({ undoActionId: null, redoActionId: null });

    const applied = await importFile('id,title\nP-001,Renamed');
    expect(applied.actionId).toEqual(expect.any(Number));
    expect(fixture.catalog.undoState()).toMatchObject({ undoActionId: applied.actionId, redoActionId: null });

    fixture.catalog.undo();
    expect(fixture.catalog.undoState()).toMatchObject({ undoActionId: null, redoActionId: applied.actionId });
    fixture.catalog.redo();

    typeInto(fixture, 'P-002', 'title', 'Typed');
    const state = fixture.catalog.undoState();
    expect(state.undoActionId).not.toBeNull();
    expect(state.undoActionId).not.toBe(applied.actionId);
  });
});
