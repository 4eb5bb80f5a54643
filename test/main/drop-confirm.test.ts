/**
 * A file dropped on the desktop window: the renderer alone knows its path, so main asks the
 * user ("Import shop.csv from /folder?") before the worker may read it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const showMessageBox = vi.fn<(options: { message: string }) => Promise<{ response: number }>>();
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  dialog: { showMessageBox },
}));
const { confirmDroppedFile } = await import('../../main/files');

const folder = mkdtempSync(join(tmpdir(), 'cs-drop-'));
const shop = join(folder, 'shop.csv');
writeFileSync(shop, 'id\n1\n');
writeFileSync(join(folder, 'other.csv'), 'id\n2\n');

function inElectron(on: boolean): void {
  if (on) Object.defineProperty(process.versions, 'electron', { value: '36.0.0', configurable: true });
  else delete (process.versions as Record<string, unknown>).electron;
}

beforeEach(() => {
  showMessageBox.mockReset();
  inElectron(true);
});
afterEach(() => {
  inElectron(false);
});

describe('a dropped file in the desktop app', () => {
  it('is read once the user says Import to a question naming the file and its folder', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    await expect(confirmDroppedFile(shop)).resolves.toBe(true);
    expect(showMessageBox.mock.calls[0]?.[0].message).toBe(`Import shop.csv from ${folder}?`);
  });

  it('is not read when the user cancels', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 1 });
    await expect(confirmDroppedFile(shop)).resolves.toBe(false);
  });

  it('is refused without a question when it is not there or not a CSV, TSV or text file', async () => {
    await expect(confirmDroppedFile(join(folder, 'gone.csv'))).resolves.toBe(false);
    await expect(confirmDroppedFile(folder)).resolves.toBe(false);
    await expect(confirmDroppedFile(join(folder, 'notes.pdf'))).resolves.toBe(false);
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('asks one question at a time: the same file waits for it, another file is refused', async () => {
    let answer: (value: { response: number }) => void = () => undefined;
    showMessageBox.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const first = confirmDroppedFile(shop);
    const again = confirmDroppedFile(shop);
    await expect(confirmDroppedFile(join(folder, 'other.csv'))).resolves.toBe(false);
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledTimes(1));
    answer({ response: 0 });
    await expect(first).resolves.toBe(true);
    await expect(again).resolves.toBe(true);
    expect(showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('is never granted outside Electron: browser mode uploads instead', async () => {
    inElectron(false);
    await expect(confirmDroppedFile(shop)).resolves.toBe(false);
    expect(showMessageBox).not.toHaveBeenCalled();
  });
});
