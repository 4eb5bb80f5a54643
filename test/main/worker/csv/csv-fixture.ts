/** The CSV service over the catalog tests' fixture (a mirrored sample type in a real account database). */
import type { Profile } from '../../../../main/worker/store/profiles';
import { CsvService } from '../../../../main/worker/csv/service';
import { catalogFixture, ENGINE, TYPE, type Doc, type Fixture } from '../catalog/catalog-fixture';

export { ENGINE, TYPE };

const profile: Profile = {
  id: 'acct',
  name: 'Test',
  kind: 'doofinder',
  zone: 'eu1',
  managementUrl: null,
  searchUrl: null,
  state: 'ok',
  createdAt: new Date(0).toISOString(),
};

export interface CsvFixture extends Fixture {
  csv: CsvService;
  /** Every item row as stored, to prove a dry run or a refused file changed nothing. */
  snapshot(): unknown[];
}

type Emit = ConstructorParameters<typeof CsvService>[3];

/** `onEvent` sees each event as it is sent (to act in the middle of a task, as a user would). */
export function csvFixture(docs?: readonly Doc[], onEvent?: Emit): CsvFixture {
  const fixture = catalogFixture(docs);
  const emit: Emit = (channel, payload) => {
    fixture.events.push({ channel, payload });
    onEvent?.(channel, payload);
  };
  const csv = new CsvService(fixture.dbs, { requireCurrent: () => profile }, fixture.catalog, emit);
  return {
    ...fixture,
    csv,
    snapshot: () =>
      fixture.db.prepare('SELECT rowid, engine, type, id, doc, base, status, rev FROM items ORDER BY rowid').all(),
  };
}
