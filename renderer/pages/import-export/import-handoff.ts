/**
 * A file dropped on the Catalog page, handed to the Import page: a File cannot travel in the
 * URL, so it waits here (with the engine and type that were open) until the wizard takes it.
 */
export interface ImportHandoff {
  file: File;
  engine: string | null;
  type: string | null;
}

let waiting: ImportHandoff | null = null;

export function handOffImport(handoff: ImportHandoff): void {
  waiting = handoff;
}

/** The waiting file, if any (read on every render until the wizard has taken it). */
export function waitingImportHandoff(): ImportHandoff | null {
  return waiting;
}

/** The wizard took the file: a later visit to the page starts empty. */
export function clearImportHandoff(handoff: ImportHandoff): void {
  if (waiting === handoff) waiting = null;
}

/** Files a drop carries that look like something to import. */
export function importableFile(files: FileList | readonly File[] | null | undefined): File | null {
  for (const file of Array.from(files ?? [])) if (/\.(?:csv|tsv|txt)$/i.test(file.name)) return file;
  return null;
}

/** Does a drag carry files (not text, not a grid column)? */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Drop handlers for a page that starts an import when a file lands on it (the Catalog grid):
 * the file goes to the Import page with the open engine and type chosen.
 */
export function dropToImport(engine: string, type: string) {
  return {
    onDragOver(event: { nativeEvent: DragEvent; preventDefault(): void }) {
      if (!carriesFiles(event.nativeEvent)) return;
      event.preventDefault();
      if (event.nativeEvent.dataTransfer) event.nativeEvent.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: { nativeEvent: DragEvent; preventDefault(): void }) {
      const file = importableFile(event.nativeEvent.dataTransfer?.files);
      if (!file) return;
      event.preventDefault();
      handOffImport({ file, engine, type });
      window.location.hash = '/import-export';
    },
  };
}
