/**
 * Stats API v2 `POST /api/v2/stats/visit` (stats-api-v2-visit.md): `store` required
 * (1 to 36 characters), the documented error envelope, 20 requests/s per account.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context';
import { statsAccount } from '../http/auth';
import { bodyOf } from '../http/body';
import { statsError } from '../http/errors';
import { engineByHashid } from '../store/engines';
import { recordEvent } from './events';

const visitSchema = z.object({
  dfid: z.string().optional(),
  hashid: z
    .string()
    .regex(/^[a-f0-9]{32}$/)
    .optional(),
  ip: z.string().optional(),
  page_type: z.string().optional(),
  session_id: z.string().max(32).nullable().optional(),
  store: z.string().min(1).max(36),
  url: z.string().optional(),
  user_agent: z.string().optional(),
  user_id: z.string().max(36).optional(),
});

export function registerVisitRoute(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/api/v2/stats/visit', async (request) => {
    const account = await statsAccount(ctx, request);
    const waitMs = ctx.throttles.visit.take(`visit:${account.id}`);
    if (waitMs > 0) {
      throw statsError(429, 'too_many_requests', 'Too many requests: wait one second before trying again', {
        'Retry-After': '1',
      });
    }
    const body = bodyOf(request);
    const parsed = visitSchema.safeParse(body.kind === 'json' ? body.value : undefined);
    if (!parsed.success) {
      const where = parsed.error.issues.map((issue) => issue.path.join('.') || 'body').join(', ');
      throw statsError(400, 'bad_params', `Bad parameters error: ${where}`);
    }
    const visit = parsed.data;
    if (visit.hashid) {
      const engine = engineByHashid(ctx.db, visit.hashid);
      if (engine && engine.accountId === account.id) {
        recordEvent(ctx, {
          engineId: engine.id,
          kind: 'visit',
          sessionId: visit.session_id ?? null,
          detail: visit.url ?? null,
        });
      }
    }
    return { status: 'registered' };
  });
}
