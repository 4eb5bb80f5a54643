/**
 * The sandbox's HTTP server: one Fastify app serving Management v1 (`/v1`), Search v5
 * (`/5`), Stats v2 visit (`/api/v2/stats/visit`) and the control API (`/_sandbox`).
 * Every API request first meets the injected faults, and is logged for tests.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import qs from 'qs';
import type { SandboxContext } from './context';
import { registerControlRoutes } from './control/routes';
import { registerBodyParser } from './http/body';
import { HttpError, MESSAGES, throttledMessage, v1Error } from './http/errors';
import { maskAuthorization } from './http/request-log';
import { registerManagementRoutes } from './management/routes';
import { registerSearchRoutes } from './search/routes';
import { registerVisitRoute } from './stats/visit';

const outcomes = new WeakMap<object, string>();

/** Query strings in the bracket style both official clients send, parsed by a real library. */
export function parseQuery(text: string): Record<string, unknown> {
  return qs.parse(text, { depth: 6, arrayLimit: 1000, parameterLimit: 5000, allowDots: false });
}

const STATS_CODES: Record<number, string> = {
  400: 'bad_params',
  401: 'not_authenticated',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  429: 'too_many_requests',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
};

/**
 * Stats v2 errors use `{"error": {"code", "message"}}`; Management v1's `{"detail"}` is
 * rewrapped when a shared path (a fault, an unknown route, a framework error) answers there.
 */
function inApiShape(url: string, status: number, body: unknown): unknown {
  if (!url.startsWith('/api/v2/')) return body;
  if (typeof body === 'object' && body !== null && 'error' in body) return body;
  const detail = typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : `HTTP ${status}`;
  return { error: { code: STATS_CODES[status] ?? 'error', message: detail } };
}

function isApiPath(path: string): boolean {
  return !path.startsWith('/_sandbox');
}

export async function buildApp(ctx: SandboxContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: ctx.config.bodyLimitBytes,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseQuery, maxParamLength: 500 },
    // A URL that does not decode (`%ZZ`) gets an API-shaped 400, not the framework's body.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      void (reply as FastifyReply)
        .code(status)
        .send(inApiShape(request.url, status, { detail: `Malformed request: ${error.message}` }));
    },
  });
  registerBodyParser(app);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    if (!isApiPath(path)) return;
    const fault = ctx.faults.decide(request.method, path);
    if (fault.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault.action === 'none') return;
    outcomes.set(request, `fault:${fault.action}`);
    switch (fault.action) {
      case 'drop':
        logRequest(request, 0, 'fault:drop');
        request.raw.socket.destroy();
        return reply.hijack();
      case '429':
        throw v1Error(429, throttledMessage(1000), { 'Retry-After': '1' });
      case '405':
        throw v1Error(405, MESSAGES.notAllowed);
      case '5xx':
        if (fault.status5xx === 502) {
          return reply
            .status(502)
            .type('text/html')
            .send('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
        }
        throw new HttpError(fault.status5xx, { detail: 'A server error occurred.' });
    }
  });

  function logRequest(request: FastifyRequest, status: number, outcome: string | null): void {
    const [path = '/', query = ''] = request.url.split('?', 2);
    if (!isApiPath(path)) return;
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : null;
    };
    ctx.requests.add({
      at: ctx.clock.now(),
      method: request.method,
      path,
      query,
      status,
      authorization: maskAuthorization(header('authorization') ?? undefined),
      origin: header('origin'),
      contentType: header('content-type'),
      bodyBytes: Number(header('content-length') ?? 0),
      outcome,
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    if (outcomes.get(request) === 'fault:drop') return;
    logRequest(request, reply.statusCode, outcomes.get(request) ?? null);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.status === 429 && !outcomes.has(request)) outcomes.set(request, 'limit:429');
      return reply
        .status(error.status)
        .headers(error.headers)
        .send(inApiShape(request.url, error.status, error.body));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send(inApiShape(request.url, 413, { detail: 'Payload Too Large' }));
    }
    if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      return reply.status(error.statusCode).send(inApiShape(request.url, error.statusCode, { detail: error.message }));
    }
    process.stderr.write(`sandbox: ${error.stack ?? error.message}\n`);
    return reply.status(500).send(inApiShape(request.url, 500, { detail: 'A server error occurred.' }));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(inApiShape(request.url, 404, { detail: MESSAGES.notFound })),
  );

  await app.register(
    (scope, _options, done) => {
      registerManagementRoutes(scope, ctx);
      done();
    },
    { prefix: '/v1' },
  );
  await app.register(
    (scope, _options, done) => {
      registerSearchRoutes(scope, ctx);
      // A shop page on an allowed domain searches from the browser: let it read the answer.
      scope.addHook('onSend', (request, reply, payload, next) => {
        const origin = request.headers.origin;
        if (typeof origin === 'string' && reply.statusCode < 400) {
          void reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
        }
        next(null, payload);
      });
      done();
    },
    { prefix: '/5' },
  );
  await app.register((scope, _options, done) => {
    registerVisitRoute(scope, ctx);
    done();
  });
  await app.register(
    (scope, _options, done) => {
      registerControlRoutes(scope, ctx);
      done();
    },
    { prefix: '/_sandbox' },
  );
  return app;
}
