/**
 * Who is asking. Management v1 wants `Authorization: Token {token}`; Search v5 takes the
 * bare token (as the document shows), `Token {token}` (what the npm client sends), or a
 * browser Origin on the engine's allowed domains; Stats v2 takes `Token` or a `Bearer` JWT
 * signed (HS256) with the token. A key only reaches its own account's engines.
 */
import type { FastifyRequest } from 'fastify';
import { jwtVerify, decodeJwt } from 'jose';
import type { SandboxContext } from '../context';
import { accountByToken } from '../store/accounts';
import { engineByHashid } from '../store/engines';
import type { Account, Engine } from '../store/records';
import { HttpError, MESSAGES, notFound, statsError, v1Error } from './errors';

function authorizationOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? header.trim() : undefined;
}

export function managementAccount(ctx: SandboxContext, request: FastifyRequest): Account {
  const match = /^Token\s+(\S+)$/i.exec(authorizationOf(request) ?? '');
  const account = match?.[1] ? accountByToken(ctx.db, match[1]) : null;
  if (!account) throw v1Error(401, MESSAGES.unauthenticated, { 'WWW-Authenticate': 'Token' });
  return account;
}

/** The engine, if this account owns it; anyone else's engine does not exist for this key. */
export function ownedEngine(ctx: SandboxContext, account: Account, hashid: string): Engine {
  const engine = engineByHashid(ctx.db, hashid);
  if (!engine || engine.accountId !== account.id) throw notFound();
  return engine;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Search v5: a token for the engine's account, or a browser on one of its allowed domains. */
export function searchEngineAccess(ctx: SandboxContext, request: FastifyRequest, hashid: string): Engine {
  const engine = engineByHashid(ctx.db, hashid);
  const header = authorizationOf(request);
  if (header) {
    const token = header.replace(/^Token\s+/i, '');
    const account = accountByToken(ctx.db, token);
    if (!account) throw new HttpError(401, { error: 'Invalid token' });
    if (!engine || engine.accountId !== account.id) throw new HttpError(404, { error: 'Search engine not found' });
    return engine;
  }
  const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
  if (origin && engine) {
    const allowed = [engine.siteUrl, ...engine.allowedOrigins].map(originOf).filter(Boolean);
    if (allowed.includes(originOf(origin))) return engine;
    throw new HttpError(403, { error: `Origin ${origin} is not allowed for this search engine` });
  }
  if (!engine && origin) throw new HttpError(404, { error: 'Search engine not found' });
  throw new HttpError(401, { error: 'Authorization required: send your API token or search from an allowed domain' });
}

/** Stats v2: `Token {token}` or `Bearer {JWT}` whose `name` claim is the user code. */
export async function statsAccount(ctx: SandboxContext, request: FastifyRequest): Promise<Account> {
  const header = authorizationOf(request) ?? '';
  const unauthenticated = statsError(401, 'not_authenticated', 'Authentication required');
  const token = /^Token\s+(\S+)$/i.exec(header)?.[1];
  if (token) {
    const account = accountByToken(ctx.db, token);
    if (!account) throw unauthenticated;
    return account;
  }
  const jwt = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!jwt) throw unauthenticated;
  let name: unknown;
  try {
    name = decodeJwt(jwt).name;
  } catch {
    throw unauthenticated;
  }
  const account = ctx.db.prepare('SELECT token FROM accounts WHERE uid = ?').get(String(name)) as
    { token: string } | undefined;
  if (!account) throw unauthenticated;
  try {
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(account.token), {
      algorithms: ['HS256'],
      currentDate: new Date(ctx.clock.now()),
      requiredClaims: ['iat', 'exp', 'name'],
    });
    // The document: "The time span between issued and expiration dates must be shorter than a week."
    if ((payload.exp ?? 0) - (payload.iat ?? 0) >= 7 * 24 * 3600) throw new Error('lifetime too long');
  } catch {
    throw unauthenticated;
  }
  return accountByToken(ctx.db, account.token) as Account;
}
