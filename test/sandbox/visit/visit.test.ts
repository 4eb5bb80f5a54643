/**
 * Stats API v2 `POST /api/v2/stats/visit` (stats-api-v2-visit.md), over HTTP: the body
 * schema (`store` required, 1 to 36 characters), the error envelope, `Token` and `Bearer`
 * JWT authentication, 20 requests/s, 8 MB bodies.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Throttle } from '../../../main/sandbox/http/throttle';
import { advanceClock, body, control, reseed, send, startTestSandbox, type TestSandbox } from '../management/harness';

const PATH = '/api/v2/stats/visit';
const HOUR = 3600;
let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await reseed(t);
});

function visit(payload: unknown, authorization: string | null = `Token ${t.a.token}`) {
  return send(t.url, 'POST', PATH, { body: payload, authorization });
}

/** A JWT as the document describes it: HS256, signed with the API token, claims iat, exp and name. */
async function jwt(
  claims: { name?: string; iat?: number | null; exp?: number | null },
  secret = t.a.token,
  alg = 'HS256',
): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const token = new SignJWT(claims.name === undefined ? {} : { name: claims.name }).setProtectedHeader({ alg });
  if (claims.iat !== null) token.setIssuedAt(claims.iat ?? nowSeconds);
  if (claims.exp !== null) token.setExpirationTime(claims.exp ?? nowSeconds + HOUR);
  return token.sign(new TextEncoder().encode(secret));
}

const unauthenticated = { error: { code: 'not_authenticated', message: 'Authentication required' } };

function visits(): number {
  return t.sandbox.ctx.db.prepare("SELECT count(*) FROM events WHERE kind = 'visit'").pluck().get() as number;
}

describe('a visit', () => {
  it('is registered with only a store', async () => {
    const answer = await visit({ store: 'store-1' });
    expect(answer.status).toBe(200);
    expect(body(answer)).toEqual({ status: 'registered' });
  });

  it('takes every documented field, and counts for the engine named by hashid', async () => {
    const answer = await visit({
      store: 'x'.repeat(36),
      hashid: t.a.hashids[0],
      dfid: `${t.a.hashids[0]}@product@abc`,
      ip: '10.0.0.1',
      page_type: 'product',
      session_id: 's'.repeat(32),
      url: 'https://a1.example.com/p/1',
      user_agent: 'Mozilla/5.0',
      user_id: 'u'.repeat(36),
    });
    expect(answer.status).toBe(200);
    expect(visits()).toBe(1);
    expect((await visit({ store: 's', session_id: null })).status).toBe(200);
  });

  it("is registered but not counted for another account's engine", async () => {
    expect((await visit({ store: 's', hashid: t.b.hashids[0] })).status).toBe(200);
    expect(visits()).toBe(0);
  });
});

describe('bad parameters: 400 with the documented envelope', () => {
  const cases: Array<[string, unknown]> = [
    ['no store', {}],
    ['an empty store', { store: '' }],
    ['a store of 37 characters', { store: 'x'.repeat(37) }],
    ['a store that is not a string', { store: 36 }],
    ['a hashid that is not 32 hex characters', { store: 's', hashid: 'XYZ' }],
    ['a session_id of 33 characters', { store: 's', session_id: 's'.repeat(33) }],
    ['a user_id of 37 characters', { store: 's', user_id: 'u'.repeat(37) }],
    ['a list', [{ store: 's' }]],
    ['null', null],
  ];
  it.each(cases)('%s', async (_name, payload) => {
    const answer = await visit(payload === null ? 'null' : payload);
    expect(answer.status).toBe(400);
    const { error } = body<{ error: { code: string; message: string } }>(answer);
    expect(Object.keys(body(answer))).toEqual(['error']);
    expect(error.code).toBe('bad_params');
    expect(error.message).toMatch(/^Bad parameters error/);
  });

  it('malformed JSON and an empty body', async () => {
    for (const payload of ['{"store": "s"', '', 'store=s']) {
      const answer = await send(t.url, 'POST', PATH, {
        body: payload,
        token: t.a.token,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(answer.status).toBe(400);
      expect(body(answer)).toMatchObject({ error: { code: 'bad_params' } });
    }
  });
});

describe('authentication', () => {
  it('answers 401 with the envelope without a header, with a wrong token or with another scheme', async () => {
    for (const authorization of [null, 'Token wrong', t.a.token, `Basic ${t.a.token}`, 'Bearer not-a-jwt']) {
      const answer = await visit({ store: 's' }, authorization);
      expect(answer.status).toBe(401);
      expect(body(answer)).toEqual(unauthenticated);
    }
  });

  it('takes a Bearer JWT signed (HS256) with the API token, whose name is the user code', async () => {
    const answer = await visit({ store: 's' }, `Bearer ${await jwt({ name: 'user-a' })}`);
    expect(answer.status).toBe(200);
    expect(body(answer)).toEqual({ status: 'registered' });
  });

  it('refuses JWTs that are signed with another key, name someone else, or use another algorithm', async () => {
    const bad = [
      await jwt({ name: 'user-a' }, t.b.token),
      await jwt({ name: 'user-b' }),
      await jwt({ name: 'nobody' }),
      await jwt({ name: 'user-a' }, t.a.token, 'HS512'),
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ name: 'user-a', iat: 1, exp: 2e9 })).toString('base64url')}.`,
    ];
    for (const token of bad) expect(body(await visit({ store: 's' }, `Bearer ${token}`))).toEqual(unauthenticated);
  });

  it('refuses JWTs without iat, exp or name, or living a week or more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const bad = [
      await jwt({ name: 'user-a', exp: null }),
      await jwt({ name: 'user-a', iat: null }),
      await jwt({}),
      await jwt({ name: 'user-a', iat: now, exp: now + 7 * 24 * HOUR }),
    ];
    for (const token of bad) expect(body(await visit({ store: 's' }, `Bearer ${token}`))).toEqual(unauthenticated);
    const justUnderAWeek = await jwt({ name: 'user-a', iat: now, exp: now + 7 * 24 * HOUR - 1 });
    expect((await visit({ store: 's' }, `Bearer ${justUnderAWeek}`)).status).toBe(200);
  });

  it('refuses an expired JWT, expiry judged on the sandbox clock', async () => {
    const token = await jwt({ name: 'user-a' });
    expect((await visit({ store: 's' }, `Bearer ${token}`)).status).toBe(200);
    await advanceClock(t, 2 * HOUR * 1000);
    expect(body(await visit({ store: 's' }, `Bearer ${token}`))).toEqual(unauthenticated);
  });
});

describe('limits', () => {
  it('allows 20 requests per second per account, then 429 with the envelope and Retry-After', async () => {
    const { ctx } = t.sandbox;
    const original = ctx.throttles.visit;
    let now = 5_000;
    ctx.config.visitRatePerSecond = 20;
    // Real time drives the limit; a frozen time source makes "per second" exact.
    ctx.throttles.visit = new Throttle(
      () => ctx.config.visitRatePerSecond,
      () => now,
    );
    try {
      for (let index = 0; index < 20; index += 1) expect((await visit({ store: 's' })).status).toBe(200);
      const limited = await visit({ store: 's' });
      expect(limited.status).toBe(429);
      expect(body(limited)).toEqual({
        error: { code: 'too_many_requests', message: 'Too many requests: wait one second before trying again' },
      });
      expect(limited.headers.get('retry-after')).toBe('1');
      expect((await visit({ store: 's' }, `Token ${t.b.token}`)).status).toBe(200);
      // The Management API's own 2 requests/s are counted apart.
      expect((await send(t.url, 'GET', '/v1/searchengines', { token: t.a.token })).status).toBe(200);
      now += 1_000;
      expect((await visit({ store: 's' })).status).toBe(200);
    } finally {
      ctx.throttles.visit = original;
      ctx.config.visitRatePerSecond = null;
    }
  });

  it('is 20 requests per second by default', async () => {
    const fresh = await startTestSandbox({ config: { visitRatePerSecond: 20 } });
    try {
      expect(body(await control(fresh, 'GET', '/config'))).toMatchObject({ visitRatePerSecond: 20 });
    } finally {
      await fresh.close();
    }
  });

  it('answers 413 with the envelope for a body over 8 MB', async () => {
    const big = JSON.stringify({ store: 's', url: 'x'.repeat(8 * 1024 * 1024) });
    const answer = await send(t.url, 'POST', PATH, {
      body: big,
      token: t.a.token,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(answer.status).toBe(413);
    expect(body(answer)).toEqual({ error: { code: 'payload_too_large', message: 'Payload Too Large' } });
  });
});
