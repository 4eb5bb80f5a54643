import type { FastifyRequest } from 'fastify';

/** The sandbox's own base URL as the client reached it, so links in answers work from there. */
export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function managementUrls(request: FastifyRequest, hashid: string) {
  const root = `${baseUrl(request)}/v1`;
  return {
    root,
    engine: `${root}/searchengines/${hashid}`,
    types: `${root}/${hashid}/types`,
    type: (type: string) => `${root}/${hashid}/types/${type}`,
    items: (type: string) => `${root}/${hashid}/items/${type}`,
    item: (type: string, id: string) => `${root}/${hashid}/items/${type}/${encodeURIComponent(id)}`,
    task: (id: string) => `${root}/${hashid}/tasks/${id}`,
    process: `${root}/${hashid}/tasks/process`,
    stats: `${root}/${hashid}/stats`,
    logs: `${root}/${hashid}/logs`,
  };
}
