import type { PageId } from '../app/pages';

export interface PageProps {
  navigate: (page: PageId) => void;
}
