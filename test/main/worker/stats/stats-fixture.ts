/** Helpers for the stats tests: the sandbox's control API, live searches, days as the sandbox counts them. */
import type { StatsView } from '../../../../preload/contract';
import type { EmittedEvent } from '../../../helpers/sandbox-worker';

export async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/_sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
}

/** Searches as a shop's visitor would (no `nostats`), so they count in the stats. */
export async function searchAs(url: string, apiKey: string, hashid: string, query: string): Promise<void> {
  const token = apiKey.split('-')[1] ?? '';
  const response = await fetch(`${url}/5/search?hashid=${hashid}&query=${encodeURIComponent(query)}`, {
    headers: { Authorization: token },
  });
  if (!response.ok) throw new Error(`search ${query}: ${response.status}`);
}

export interface Logged {
  method: string;
  path: string;
  query: string;
  status: number;
}

export async function loggedRequests(url: string): Promise<Logged[]> {
  const body = (await (await fetch(`${url}/_sandbox/requests?limit=100000`)).json()) as { requests: Logged[] };
  return body.requests;
}

/** YYYYMMDD, `offset` days from today, in UTC: the sandbox's calendar. */
export function utcDay(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The views `stats:changed` carried, oldest first. */
export function changedViews(events: EmittedEvent[]): StatsView[] {
  return events
    .filter((event) => event.channel === 'stats:changed')
    .map((event) => (event.payload as { view: StatsView }).view);
}
