import { describe, expect, it } from 'vitest';
import { feedsShortcut, type ShortcutPress } from '../../../renderer/pages/feeds/shortcuts';

const press = (overrides: Partial<ShortcutPress>): ShortcutPress => ({
  key: 'r',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  dialogOpen: false,
  ...overrides,
});

describe('the Feeds page’s keys', () => {
  it('R reads the logs again and P goes to Process now', () => {
    expect(feedsShortcut(press({ key: 'r' }))).toBe('refresh-logs');
    expect(feedsShortcut(press({ key: 'R' }))).toBe('refresh-logs');
    expect(feedsShortcut(press({ key: 'p' }))).toBe('focus-process');
  });

  it('never fire while typing in the search box or a select', () => {
    expect(feedsShortcut(press({ targetTag: 'INPUT' }))).toBeNull();
    expect(feedsShortcut(press({ targetTag: 'select' }))).toBeNull();
    expect(feedsShortcut(press({ targetTag: 'DIV', targetEditable: true }))).toBeNull();
  });

  it('leave Ctrl+R (reload), Ctrl/Cmd + digits and open dialogs alone', () => {
    expect(feedsShortcut(press({ ctrlKey: true }))).toBeNull();
    expect(feedsShortcut(press({ metaKey: true, key: 'p' }))).toBeNull();
    expect(feedsShortcut(press({ dialogOpen: true }))).toBeNull();
    expect(feedsShortcut(press({ key: 'x' }))).toBeNull();
  });
});
