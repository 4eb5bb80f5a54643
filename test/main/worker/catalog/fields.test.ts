/** The columns of a type: the fields seen, what kind each is, how many items have it. */
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE, TYPE, catalogFixture, sampleDoc, typeInto, type Fixture } from './catalog-fixture';

let fixture: Fixture;
afterEach(() => fixture?.close());

describe('the fields of a type', () => {
  it('are listed with their kinds and counts, the id first', () => {
    fixture = catalogFixture();
    const fields = fixture.catalog.fields(ENGINE, TYPE);
    expect(fields[0]).toEqual({ name: 'id', kind: 'id', count: 40 });
    expect(Object.fromEntries(fields.map((field) => [field.name, field.kind]))).toEqual({
      id: 'id',
      title: 'text',
      description: 'text',
      price: 'price',
      sale_price: 'price',
      brand: 'text',
      categories: 'categories',
      tags: 'list',
      in_stock: 'boolean',
      link: 'url',
      image_link: 'image',
      released: 'date',
    });
    expect(fields.every((field) => field.count === 40)).toBe(true);
  });

  it('follow the edits: counts move, and a new column shows up', () => {
    fixture = catalogFixture();
    fixture.catalog.fields(ENGINE, TYPE);
    fixture.catalog.edit({
      engine: ENGINE,
      type: TYPE,
      origin: 'paste',
      cells: [
        { id: 'P-001', field: 'brand', value: null },
        { id: 'P-002', field: 'brand', value: null },
        { id: 'P-003', field: 'fabric', value: 'Linen' },
      ],
    });
    const fields = fixture.catalog.fields(ENGINE, TYPE);
    expect(fields.find((field) => field.name === 'brand')?.count).toBe(38);
    expect(fields.find((field) => field.name === 'fabric')).toEqual({ name: 'fabric', kind: 'text', count: 1 });
  });

  it('estimate counts from a sample of a big type, and keep a column added here once synced', () => {
    fixture = catalogFixture(
      Array.from({ length: 6_000 }, (_, n) => {
        const doc = sampleDoc(n);
        return n % 2 === 0 ? doc : { ...doc, colour: 'Red' };
      }),
    );
    const colour = fixture.catalog.fields(ENGINE, TYPE).find((field) => field.name === 'colour');
    expect(colour?.count).toBeGreaterThan(2_700);
    expect(colour?.count).toBeLessThan(3_300);
    typeInto(fixture, 'P-5999', 'season', 'Winter');
    // What a push does once the server took it: the row is clean, its new field far from the sample.
    fixture.db.prepare("UPDATE items SET status = 'clean', base = NULL WHERE id = 'P-5999'").run();
    expect(fixture.catalog.fields(ENGINE, TYPE).map((field) => field.name)).toContain('season');
  });
});
