/**
 * Which spreadsheet command a key press means in the grid. Keys that AG Grid already handles
 * the way Excel and Sheets do (arrows, Enter, F2, Escape, typing to start an edit, Page Up/Down,
 * Home/End) map to null and are left to it; the ones it lacks in its Community edition
 * (range selection, clipboard, fill, clear, undo) map to a command we run.
 */

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type GridCommand =
  | { type: 'extend'; rows: number; cols: number }
  | { type: 'extendPage'; pages: number }
  | { type: 'extendToEdge'; rows: number; cols: number }
  | { type: 'selectAll' }
  | { type: 'selectRows' }
  | { type: 'selectColumns' }
  | { type: 'copy' }
  | { type: 'clear' }
  | { type: 'fillDown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'find' }
  /** While editing: keep the value and move, as Tab and Shift+Tab do in a spreadsheet. */
  | { type: 'commitAndMove'; rows: number; cols: number };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Ctrl on Windows and Linux, Cmd on macOS. */
function primary(press: KeyPress): boolean {
  return press.ctrlKey || press.metaKey;
}

function whileEditing(press: KeyPress): GridCommand | null {
  if (press.key === 'Tab' && !primary(press) && !press.altKey) {
    return { type: 'commitAndMove', rows: 0, cols: press.shiftKey ? -1 : 1 };
  }
  return null;
}

function withPrimary(press: KeyPress): GridCommand | null {
  const key = press.key.toLowerCase();
  const arrow = ARROWS[press.key];
  if (arrow && press.shiftKey) return { type: 'extendToEdge', rows: arrow[0], cols: arrow[1] };
  if (press.shiftKey) return key === 'z' ? { type: 'redo' } : null;
  switch (key) {
    case 'z':
      return { type: 'undo' };
    case 'y':
      return { type: 'redo' };
    case 'c':
      return { type: 'copy' };
    case 'd':
      return { type: 'fillDown' };
    case 'a':
      return { type: 'selectAll' };
    case 'f':
    case 'h':
      return { type: 'find' };
    case ' ':
      return { type: 'selectColumns' };
    default:
      return null;
  }
}

export function commandForKey(press: KeyPress, editing: boolean): GridCommand | null {
  if (editing) return whileEditing(press);
  if (press.altKey) return null;
  if (primary(press)) return withPrimary(press);
  const arrow = ARROWS[press.key];
  if (press.shiftKey) {
    if (arrow) return { type: 'extend', rows: arrow[0], cols: arrow[1] };
    if (press.key === 'PageDown') return { type: 'extendPage', pages: 1 };
    if (press.key === 'PageUp') return { type: 'extendPage', pages: -1 };
    if (press.key === ' ') return { type: 'selectRows' };
    return null;
  }
  if (press.key === 'Delete' || press.key === 'Backspace') return { type: 'clear' };
  return null;
}
