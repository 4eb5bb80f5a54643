/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the grid page (the grid itself handles them when
 * it has the focus), except in text fields, which keep their own undo.
 */
import { useEffect } from 'react';
import { commandForKey } from '../../grid/keyboard';

function inTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

export function useUndoShortcuts(handlers: { undo: () => void; redo: () => void }): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || inTextField(event.target)) return;
      if (event.target instanceof Element && event.target.closest('.catalog-grid')) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      const command = commandForKey(event, false);
      if (command?.type !== 'undo' && command?.type !== 'redo') return;
      event.preventDefault();
      if (command.type === 'undo') handlers.undo();
      else handlers.redo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
