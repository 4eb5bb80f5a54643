/**
 * The request as the user can repeat it: the URL (the token never goes there) and a curl
 * command with the Search API's header as search-api-v5.md "Authorization" shows it (the
 * bare token, no "Token " scheme), `{token}` unless the user asked to reveal it.
 */
import type { SearchRequestView } from '../../../preload/contract';
import { queryString, type QueryPairs } from './spell-params';

export const TOKEN_PLACEHOLDER = '{token}';

export function urlOf(base: string, path: string, pairs: QueryPairs): string {
  const query = queryString(pairs);
  return `${base}${path}${query ? `?${query}` : ''}`;
}

/** `body` is JSON sent with a POST (Stats v2's visit), which wants "Token {token}". */
export function curlOf(url: string, token: string | null, post?: { body: unknown; scheme: 'Token' }): string {
  const secret = token ?? TOKEN_PLACEHOLDER;
  if (!post) return `curl -XGET -H 'Authorization: ${secret}' '${url}'`;
  const json = JSON.stringify(post.body).replace(/'/g, `'\\''`);
  return `curl -XPOST -H 'Authorization: ${post.scheme} ${secret}' -H 'Content-Type: application/json' -d '${json}' '${url}'`;
}

export function requestView(
  base: string,
  path: string,
  pairs: QueryPairs,
  post?: { body: unknown },
): SearchRequestView {
  const url = urlOf(base, path, pairs);
  return { url, curl: curlOf(url, null, post ? { ...post, scheme: 'Token' } : undefined), params: pairs };
}
