/**
 * Writing text to the clipboard from the grid. A copy command run inside the key press
 * (`execCommand('copy')` with our text put on the copy event) needs no permission in
 * Electron or a browser; a copy that first asks the worker for rows has left the key press
 * behind, so it tries the async Clipboard API and falls back to the same command.
 */

/** Puts text on the clipboard now; call it while handling the user's key press or click. */
export function copyTextNow(text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy, true);
  try {
    // Deprecated, but still the one way to write the clipboard synchronously without a permission prompt.
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
}

export async function copyTextLater(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyTextNow(text);
  }
}
