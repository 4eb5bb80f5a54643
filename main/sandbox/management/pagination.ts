/** `?page=N` pagination with count/next/previous, as the engine list and stats answer it. */
import type { FastifyRequest } from 'fastify';
import { baseUrl } from '../http/urls';

export function pageParams(request: FastifyRequest, defaultSize: number): { page: number; size: number } {
  const query = request.query as Record<string, unknown>;
  const page = Math.max(1, Math.trunc(Number(query.page ?? 1)) || 1);
  const size = Math.min(100, Math.max(1, Math.trunc(Number(query.rpp ?? defaultSize)) || defaultSize));
  return { page, size };
}

function pageUrl(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, baseUrl(request));
  url.searchParams.set('page', String(page));
  return url.toString();
}

/** A page of `all`; pages past the end are empty (not the last page again), with no next. */
export function paged<T>(
  request: FastifyRequest,
  all: T[],
  page: number,
  size: number,
  key: string,
  extra: Record<string, unknown> = {},
) {
  const start = (page - 1) * size;
  const slice = all.slice(start, start + size);
  return {
    ...extra,
    count: all.length,
    next: start + size < all.length ? pageUrl(request, page + 1) : null,
    previous: page > 1 ? pageUrl(request, Math.min(page - 1, Math.max(1, Math.ceil(all.length / size)))) : null,
    [key]: slice,
  };
}
