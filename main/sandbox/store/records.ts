/** Rows of the sandbox database as the rest of the sandbox sees them. */

export interface Account {
  id: number;
  uid: string;
  zone: string;
  token: string;
  monthlyQuota: number | null;
}

export interface Engine {
  id: number;
  hashid: string;
  accountId: number;
  name: string;
  siteUrl: string;
  language: string;
  currency: string;
  allowedOrigins: string[];
  options: EngineOptions;
  blockedUntil: number;
}

/** Search configuration of an engine, also what /5/options shows (see search-api-v5.md). */
export interface EngineOptions {
  facets?: Array<
    | { name: string; label?: string; type: 'terms'; size?: number }
    | { name: string; label?: string; type: 'range'; ranges?: Array<{ from?: number; to?: number }> }
  >;
  layerSortOptions?: Array<{ field: string; sort: 'asc' | 'desc'; label?: string }>;
  /** Fields that hold "lat,lon" positions, for geo_distance filters and sorting. */
  geoFields?: string[];
  [option: string]: unknown;
}

export type TypeKind = 'api' | 'crawling' | 'shopify';

export interface ItemType {
  engineId: number;
  name: string;
  sources: string[];
  kind: TypeKind;
}

/** An item as stored: any JSON object with a string id. */
export type ItemDoc = Record<string, unknown> & { id: string };
