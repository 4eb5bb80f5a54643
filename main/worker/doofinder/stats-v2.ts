/** Stats API v2 (stats-api-v2-visit.md): visit events. */
import type { DoofinderClient } from './client';
import type { Call } from './management-v1';

export interface Visit {
  /** Required, 1 to 36 characters. */
  store: string;
  hashid?: string;
  session_id?: string;
  user_id?: string;
  url?: string;
  dfid?: string;
  page_type?: string;
}

export async function registerVisit(client: DoofinderClient, visit: Visit, call: Call): Promise<{ status: string }> {
  return (
    await client.request<{ status: string }>({
      api: 'stats',
      method: 'POST',
      path: '/api/v2/stats/visit',
      body: visit,
      ...call,
    })
  ).body;
}
