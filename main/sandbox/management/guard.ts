/**
 * What every Management v1 request passes before its route runs: authentication, the
 * 2 requests/s limit, and the monthly plan. Afterwards the request is counted in the
 * engine's "api" stats.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { monthOf } from '../clock';
import type { SandboxContext } from '../context';
import { managementAccount, ownedEngine } from '../http/auth';
import { MESSAGES, throttledMessage, v1Error } from '../http/errors';
import { spendQuota } from '../store/accounts';
import { engineByHashid } from '../store/engines';
import type { Account, Engine } from '../store/records';
import { recordEvent } from '../stats/events';

const accounts = new WeakMap<FastifyRequest, Account>();

export function accountOf(request: FastifyRequest): Account {
  const account = accounts.get(request);
  if (!account) throw new Error('management route ran without the guard');
  return account;
}

/** The engine named by the route's :hashid, if the caller's account owns it (404 otherwise). */
export function engineOf(ctx: SandboxContext, request: FastifyRequest): Engine {
  return ownedEngine(ctx, accountOf(request), (request.params as { hashid: string }).hashid);
}

export function registerGuard(app: FastifyInstance, ctx: SandboxContext): void {
  app.addHook('preHandler', (request, _reply, done) => {
    try {
      const account = managementAccount(ctx, request);
      const waitMs = ctx.throttles.management.take(account.id);
      if (waitMs > 0) {
        throw v1Error(429, throttledMessage(waitMs), { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });
      }
      if (!spendQuota(ctx.db, account.id, monthOf(ctx.clock.now()))) throw v1Error(429, MESSAGES.quota);
      accounts.set(request, account);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  app.addHook('onResponse', (request, reply, done) => {
    const account = accounts.get(request);
    const hashid = (request.params as { hashid?: string } | undefined)?.hashid;
    if (account && hashid && reply.statusCode < 500) {
      const engine = engineByHashid(ctx.db, hashid);
      if (engine && engine.accountId === account.id) recordEvent(ctx, { engineId: engine.id, kind: 'api' });
    }
    done();
  });
}
