import { useCallback, useSyncExternalStore } from 'react';
import { pageFromHash, type PageId } from './pages';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current page lives in the URL hash, so reloads and the browser's back button keep it. */
export function useRoute(): [PageId, (page: PageId) => void] {
  const page = useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
  const navigate = useCallback((next: PageId) => {
    if (window.location.hash !== `#/${next}`) window.location.hash = `/${next}`;
  }, []);
  return [page, navigate];
}
