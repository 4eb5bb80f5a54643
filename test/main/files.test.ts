import { describe, expect, it } from 'vitest';
import { createFileGrants } from '../../main/file-grants';
import { fileHandlers, type FileDialogs } from '../../main/files';
import { createMainHandlers } from '../../main/handlers';

function dialogs(open: string | null, save: string | null): () => Promise<FileDialogs> {
  return () => Promise.resolve({ open: () => Promise.resolve(open), save: () => Promise.resolve(save) });
}

describe('the desktop file dialogs', () => {
  it('answer the picked path, or null when the user cancels', async () => {
    await expect(fileHandlers({ dialogs: dialogs('/home/me/shop.csv', null) })['files:pickImport']()).resolves.toEqual({
      file: '/home/me/shop.csv',
    });
    await expect(fileHandlers({ dialogs: dialogs(null, null) })['files:pickImport']()).resolves.toEqual({ file: null });
    await expect(
      fileHandlers({ dialogs: dialogs(null, null) })['files:pickExport']({ suggestedName: 'shop.csv' }),
    ).resolves.toEqual({ file: null });
  });

  it('refuse a picked file the worker could not import, naming it', async () => {
    await expect(
      fileHandlers({ dialogs: dialogs('/home/me/shop.xlsx', null) })['files:pickImport'](),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('"/home/me/shop.xlsx" cannot be imported') as unknown,
    });
  });

  it('keep the export’s extension when the save dialog dropped it', async () => {
    const pick = fileHandlers({ dialogs: dialogs(null, '/home/me/Desktop/catalog') })['files:pickExport'];
    await expect(pick({ suggestedName: 'shop-product.tsv' })).resolves.toEqual({
      file: '/home/me/Desktop/catalog.tsv',
    });
  });

  it('grant the picked file to the worker: to read an import, to write an export, nothing when cancelled', async () => {
    const grants = createFileGrants();
    await fileHandlers({ grants, dialogs: dialogs('/home/me/shop.csv', null) })['files:pickImport']();
    await fileHandlers({ grants, dialogs: dialogs(null, '/home/me/out') })['files:pickExport']({
      suggestedName: 'out.csv',
    });
    expect(grants.allows('/home/me/shop.csv', 'read')).toBe(true);
    expect(grants.allows('/home/me/shop.csv', 'write')).toBe(false);
    expect(grants.allows('/home/me/out.csv', 'write')).toBe(true);
    expect(grants.allows('/home/me/out.csv', 'read')).toBe(false);
    expect(grants.allows('/home/me/out', 'write')).toBe(false);
  });

  it('grant nothing for a picked file the worker could not import', async () => {
    const grants = createFileGrants();
    const pick = fileHandlers({ grants, dialogs: dialogs('/home/me/shop.xlsx', null) })['files:pickImport'];
    await expect(pick()).rejects.toMatchObject({ code: 'invalid_input' });
    expect(grants.allows('/home/me/shop.xlsx', 'read')).toBe(false);
  });

  it('explain, in browser mode, that files are uploaded there instead', async () => {
    const handlers = createMainHandlers({ keychain: {} as never, worker: {} as never });
    await expect(handlers['files:pickImport']()).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('uploaded') as unknown,
    });
  });
});
