/** What each choice does, in a line taken from search-api-v5.md, for the panel's help text. */
import type { SearchQueryName } from '../../../../preload/contract';

export const TRANSFORMERS: ReadonlyArray<{ value: 'none' | 'basic' | 'onlyid'; label: string; help: string }> = [
  { value: 'none', label: 'None', help: 'Results carry every field the indexed items have.' },
  {
    value: 'basic',
    label: 'basic',
    help: 'What the instant search layer uses: id, title, description, link and image_link.',
  },
  { value: 'onlyid', label: 'onlyid', help: 'Very light results: only the id field.' },
];

export const QUERY_NAMES: ReadonlyArray<{ value: SearchQueryName | null; label: string; help: string }> = [
  {
    value: null,
    label: 'Automatic',
    help: 'Doofinder tries several ways of matching and answers with the first that finds results; the answer says which.',
  },
  { value: 'match_and', label: 'match_and', help: 'Results that contain all the search terms.' },
  {
    value: 'match_or',
    label: 'match_or',
    help: 'Results that contain any of the terms; those with all of them score better.',
  },
  { value: 'fuzzy', label: 'fuzzy', help: 'Results close enough to the terms, even without an exact match (typos).' },
  {
    value: 'phonetic_text',
    label: 'phonetic_text',
    help: 'Terms matched by how they sound, not how they are written: "cat" finds "kat".',
  },
];

export const FILTER_EXECUTION_HELP = {
  or: 'Values of one field are ORed (blue or red); different fields are ANDed.',
  and: 'Every value must match, within a field too (blue and red).',
} as const;

export const EXCLUDE_EXECUTION_HELP = {
  or: 'An item is left out when it matches any exclusion.',
  and: 'An item is left out only when it matches every exclusion.',
} as const;

export const FILTERS_WITH_QUERY_NAME =
  'With filters, pin the query_name that answered, so every page is filtered on the same matching.';

export const NOSTATS_HELP = "Testing does not count in the shop's stats.";
