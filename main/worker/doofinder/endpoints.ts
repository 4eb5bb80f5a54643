/**
 * Where an account's requests go. A key is `{zone}-{token}`: the zone picks the hosts
 * (`{zone}-api.doofinder.com` for Management and Stats, `{zone}-search.doofinder.com` for
 * Search); overrides point them at the sandbox or a proxy.
 */
export interface ParsedKey {
  zone: string;
  token: string;
}

const KEY = /^([a-z]{2,4}\d{1,2})-([A-Za-z0-9]{16,128})$/;

export function parseApiKey(key: string): ParsedKey | null {
  const match = KEY.exec(key.trim());
  return match ? { zone: match[1] ?? '', token: match[2] ?? '' } : null;
}

export interface HostOverrides {
  management?: string | null;
  search?: string | null;
}

export interface AccountEndpoint {
  /** Only ever placed in an Authorization header. */
  token: string;
  management: string;
  search: string;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function endpointFor(key: ParsedKey, overrides: HostOverrides = {}): AccountEndpoint {
  return {
    token: key.token,
    management: trimSlash(overrides.management || `https://${key.zone}-api.doofinder.com`),
    search: trimSlash(overrides.search || `https://${key.zone}-search.doofinder.com`),
  };
}
