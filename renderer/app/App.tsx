import { useEffect, useRef, useState, type ComponentType } from 'react';
import { AccountsPage } from '../pages/AccountsPage';
import { CatalogPage } from '../pages/CatalogPage';
import { FeedsPage } from '../pages/FeedsPage';
import { ImportExportPage } from '../pages/ImportExportPage';
import type { PageProps } from '../pages/page-props';
import { SearchPage } from '../pages/SearchPage';
import { StatsPage } from '../pages/StatsPage';
import { AboutDialog } from './AboutDialog';
import { ActivityNotifier } from './activity/ActivityNotifier';
import { Notices } from './Notices';
import { pageById, pageFromHash, pages, type PageId } from './pages';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useThemePreference } from './theme';
import { useRoute } from './useRoute';

const pageComponents: Record<PageId, ComponentType<PageProps>> = {
  catalog: CatalogPage,
  'import-export': ImportExportPage,
  feeds: FeedsPage,
  search: SearchPage,
  stats: StatsPage,
  accounts: AccountsPage,
};

export function App() {
  const [page, navigate] = useRoute();
  const [theme, setTheme] = useThemePreference();
  const [aboutOpen, setAboutOpen] = useState(false);
  const focusHeading = useRef(false);

  useEffect(() => {
    document.title = `${pageById(page).label} · Catalog Studio`;
    // After a keyboard shortcut, land on the new page's heading, as screen readers expect.
    if (focusHeading.current) {
      focusHeading.current = false;
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [page]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = pages.find((candidate) => candidate.shortcut === event.key);
      if (target) {
        event.preventDefault();
        if (pageFromHash(window.location.hash) === target.id) document.querySelector<HTMLElement>('main h1')?.focus();
        else focusHeading.current = true;
        navigate(target.id);
      } else if (event.key === '/') {
        event.preventDefault();
        setAboutOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const Page = pageComponents[page];
  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <Sidebar current={page} navigate={navigate} theme={theme} onTheme={setTheme} onAbout={() => setAboutOpen(true)} />
      <main id="main" className="content" data-page={page} tabIndex={-1}>
        <Notices />
        <Page navigate={navigate} />
      </main>
      <StatusBar onWorkerClick={() => setAboutOpen(true)} />
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
      <ActivityNotifier />
    </div>
  );
}
