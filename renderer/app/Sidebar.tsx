import { Info, Monitor, Moon, PackageSearch, Sun } from 'lucide-react';
import { useRef, type KeyboardEvent } from 'react';
import { pages, type PageId } from './pages';
import type { ThemePreference } from './theme';

const isMac = navigator.platform.toLowerCase().includes('mac');
export const modifierLabel = isMac ? '⌘' : 'Ctrl+';

interface SidebarProps {
  current: PageId;
  navigate: (page: PageId) => void;
  theme: ThemePreference;
  onTheme: (theme: ThemePreference) => void;
  onAbout: () => void;
}

const themeChoices: Array<{ value: ThemePreference; label: string; icon: typeof Sun }> = [
  { value: 'system', label: 'Follow the system theme', icon: Monitor },
  { value: 'light', label: 'Light theme', icon: Sun },
  { value: 'dark', label: 'Dark theme', icon: Moon },
];

export function Sidebar({ current, navigate, theme, onTheme, onAbout }: SidebarProps) {
  const listRef = useRef<HTMLUListElement>(null);

  // Arrow keys move between pages, like in a native sidebar; Tab leaves the list.
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    event.preventDefault();
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    let next = index;
    if (event.key === 'ArrowDown') next = (index + 1) % links.length;
    if (event.key === 'ArrowUp') next = (index - 1 + links.length) % links.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = links.length - 1;
    links[next]?.focus();
  }

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          <PackageSearch size={18} strokeWidth={2} />
        </span>
        <span className="sidebar__name">Catalog Studio</span>
      </div>
      <nav aria-label="Pages">
        <ul ref={listRef} className="sidebar__list" onKeyDown={onKeyDown}>
          {pages.map(({ id, label, icon: Icon, shortcut, summary }) => (
            <li key={id}>
              <a
                href={`#/${id}`}
                className="sidebar__link"
                aria-current={current === id ? 'page' : undefined}
                title={`${summary} (${modifierLabel}${shortcut})`}
                tabIndex={current === id ? 0 : -1}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(id);
                }}
              >
                <Icon size={17} strokeWidth={1.8} aria-hidden="true" />
                <span className="sidebar__label">{label}</span>
                <kbd className="sidebar__kbd">
                  {modifierLabel}
                  {shortcut}
                </kbd>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__footer">
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {themeChoices.map(({ value, label, icon: Icon }) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={theme === value}
              aria-label={label}
              title={label}
              className="segmented__option"
              onClick={() => onTheme(value)}
            >
              <Icon size={14} aria-hidden="true" />
            </button>
          ))}
        </div>
        <button type="button" className="button button--ghost sidebar__about" onClick={onAbout}>
          <Info size={15} aria-hidden="true" /> About
        </button>
      </div>
    </aside>
  );
}
