import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyPress } from '../../../renderer/grid/keyboard';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('spreadsheet keys in the grid', () => {
  it('leaves plain moving and editing keys to the grid (arrows, Enter, F2, Tab, Escape, typing)', () => {
    for (const key of ['ArrowDown', 'ArrowLeft', 'Enter', 'F2', 'Tab', 'Escape', 'a', '7', 'PageDown', 'Home']) {
      expect(commandForKey(press(key), false)).toBeNull();
    }
  });

  it('Shift+arrows and Shift+Page keys grow the selection', () => {
    expect(commandForKey(press('ArrowDown', { shiftKey: true }), false)).toEqual({ type: 'extend', rows: 1, cols: 0 });
    expect(commandForKey(press('ArrowLeft', { shiftKey: true }), false)).toEqual({ type: 'extend', rows: 0, cols: -1 });
    expect(commandForKey(press('PageDown', { shiftKey: true }), false)).toEqual({ type: 'extendPage', pages: 1 });
    expect(commandForKey(press('ArrowUp', { shiftKey: true, ctrlKey: true }), false)).toEqual({
      type: 'extendToEdge',
      rows: -1,
      cols: 0,
    });
  });

  it('Delete and Backspace clear the selected cells', () => {
    expect(commandForKey(press('Delete'), false)).toEqual({ type: 'clear' });
    expect(commandForKey(press('Backspace'), false)).toEqual({ type: 'clear' });
  });

  it('Ctrl (or Cmd) shortcuts: copy, fill down, select all, find, undo, and both redo habits', () => {
    expect(commandForKey(press('c', { ctrlKey: true }), false)).toEqual({ type: 'copy' });
    expect(commandForKey(press('d', { metaKey: true }), false)).toEqual({ type: 'fillDown' });
    expect(commandForKey(press('a', { ctrlKey: true }), false)).toEqual({ type: 'selectAll' });
    expect(commandForKey(press('f', { ctrlKey: true }), false)).toEqual({ type: 'find' });
    expect(commandForKey(press('z', { ctrlKey: true }), false)).toEqual({ type: 'undo' });
    expect(commandForKey(press('Z', { ctrlKey: true, shiftKey: true }), false)).toEqual({ type: 'redo' });
    expect(commandForKey(press('y', { ctrlKey: true }), false)).toEqual({ type: 'redo' });
  });

  it('leaves Ctrl+V to the browser, whose paste event carries the clipboard', () => {
    expect(commandForKey(press('v', { ctrlKey: true }), false)).toBeNull();
  });

  it('Shift+Space picks whole rows and Ctrl+Space whole columns', () => {
    expect(commandForKey(press(' ', { shiftKey: true }), false)).toEqual({ type: 'selectRows' });
    expect(commandForKey(press(' ', { ctrlKey: true }), false)).toEqual({ type: 'selectColumns' });
  });

  it('while editing, only Tab is ours (keep the value, move right or left); the editor keeps the rest', () => {
    expect(commandForKey(press('Tab'), true)).toEqual({ type: 'commitAndMove', rows: 0, cols: 1 });
    expect(commandForKey(press('Tab', { shiftKey: true }), true)).toEqual({ type: 'commitAndMove', rows: 0, cols: -1 });
    for (const key of ['Delete', 'Backspace', 'ArrowLeft', 'Enter', 'Escape']) {
      expect(commandForKey(press(key), true)).toBeNull();
    }
    expect(commandForKey(press('z', { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(press('c', { ctrlKey: true }), true)).toBeNull();
  });

  it('ignores Alt combinations, which belong to the system', () => {
    expect(commandForKey(press('ArrowDown', { altKey: true, shiftKey: true }), false)).toBeNull();
  });
});
