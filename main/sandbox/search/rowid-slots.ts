/**
 * Item rowid → slot, as a typed array indexed by rowid. Every text match maps each of its
 * rows through here (tens of thousands for a common word), where an array read costs a
 * fraction of a Map lookup. Rowids are the items table's, handed out in sequence, so the
 * array stays about as long as the table.
 */
const NONE = -1;

export class RowidSlots {
  private slots = new Int32Array(1024).fill(NONE);

  get(rowid: number): number | undefined {
    const slot = rowid < this.slots.length ? (this.slots[rowid] as number) : NONE;
    return slot === NONE ? undefined : slot;
  }

  set(rowid: number, slot: number): void {
    if (rowid >= this.slots.length) {
      const grown = new Int32Array(Math.max(rowid + 1, this.slots.length * 2)).fill(NONE);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[rowid] = slot;
  }

  delete(rowid: number): void {
    if (rowid < this.slots.length) this.slots[rowid] = NONE;
  }
}
