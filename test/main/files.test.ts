import { describe, expect, it } from 'vitest';
import { fileHandlers, type FileDialogs } from '../../main/files';
import { createMainHandlers } from '../../main/handlers';

function dialogs(open: string | null, save: string | null): () => Promise<FileDialogs> {
  return () => Promise.resolve({ open: () => Promise.resolve(open), save: () => Promise.resolve(save) });
}

describe('the desktop file dialogs', () => {
  it('answer the picked path, or null when the user cancels', async () => {
    await expect(fileHandlers(dialogs('/home/me/shop.csv', null))['files:pickImport']()).resolves.toEqual({
      file: '/home/me/shop.csv',
    });
    await expect(fileHandlers(dialogs(null, null))['files:pickImport']()).resolves.toEqual({ file: null });
    await expect(fileHandlers(dialogs(null, null))['files:pickExport']({ suggestedName: 'shop.csv' })).resolves.toEqual(
      { file: null },
    );
  });

  it('refuse a picked file the worker could not import, naming it', async () => {
    await expect(fileHandlers(dialogs('/home/me/shop.xlsx', null))['files:pickImport']()).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('"/home/me/shop.xlsx" cannot be imported') as unknown,
    });
  });

  it('keep the export’s extension when the save dialog dropped it', async () => {
    const pick = fileHandlers(dialogs(null, '/home/me/Desktop/catalog'))['files:pickExport'];
    await expect(pick({ suggestedName: 'shop-product.tsv' })).resolves.toEqual({
      file: '/home/me/Desktop/catalog.tsv',
    });
  });

  it('explain, in browser mode, that files are uploaded there instead', async () => {
    const handlers = createMainHandlers({ keychain: {} as never, worker: {} as never });
    await expect(handlers['files:pickImport']()).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('uploaded') as unknown,
    });
  });
});
