// The back-off policy and the client's retry loop, with the clock, the sleep and the randomness injected:
// what is asserted is the waits asked for, never how long anything took.
import { describe, expect, it } from '@jest/globals';
import * as k8s from '@kubernetes/client-node';
import { KubeApiError, KubeConnectionError } from '../../src/cluster/api-error.js';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import {
  backoffMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  withRetryLimits,
  type RetryTiming,
} from '../../src/cluster/retry-policy.js';
import { safeToRepeat, transientFailure } from '../../src/cluster/transient-failure.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');
const policy = { ...DEFAULT_RETRY_POLICY, attempts: 6, baseDelayMs: 200, maxDelayMs: 5000 };

function fakeTiming(random = 0.5): RetryTiming & { slept: number[] } {
  const slept: number[] = [];
  let now = NOW;
  return {
    slept,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

function socketError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

describe('Retry-After', () => {
  it.each([
    ['0', 0],
    ['1', 1000],
    [' 120 ', 120_000],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:59:00 GMT', 0], // a date already past: come back now
  ])('reads %j as %d ms', (value, ms) => expect(parseRetryAfter(value, NOW)).toBe(ms));

  it.each([undefined, '', '-1', '1.5', 'soon', 'tomorrow at noon'])('ignores %j', (value) =>
    expect(parseRetryAfter(value, NOW)).toBeUndefined(),
  );
});

describe('back-off', () => {
  it('doubles from the base and stops growing at the cap', () => {
    const top = (n: number) => backoffMs(n, policy, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(top)).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(backoffMs(1000, policy, () => 0.999999)).toBe(5000); // no overflow far out
  });

  it('jitters within the upper half of each step', () => {
    for (const failures of [1, 2, 3, 6, 9]) {
      const full = Math.min(5000, 200 * 2 ** (failures - 1));
      expect(backoffMs(failures, policy, () => 0)).toBe(full / 2);
      expect(backoffMs(failures, policy, () => 0.999999)).toBe(full);
      const mid = backoffMs(failures, policy, () => 0.5);
      expect(mid).toBeGreaterThan(full / 2);
      expect(mid).toBeLessThan(full);
    }
  });
});

describe('decideRetry', () => {
  it('waits at least what Retry-After asks, even past the back-off cap', () => {
    const d = decideRetry(1, 8000, policy, fakeTiming(), {});
    expect(d).toEqual({ retry: true, delayMs: 8000 });
    // A short Retry-After does not shorten the back-off.
    expect(decideRetry(5, 0, policy, fakeTiming(0), {})).toEqual({ retry: true, delayMs: 1600 });
  });

  it('gives up when the attempts are spent, Retry-After is too long, the deadline is near or it was cancelled', () => {
    const t = fakeTiming();
    expect(decideRetry(6, undefined, policy, t, {})).toMatchObject({
      retry: false,
      why: 'gave up after 6 attempts',
    });
    expect(decideRetry(1, 31_000, policy, t, {})).toMatchObject({
      retry: false,
      why: expect.stringContaining('asked to wait 31 s'),
    });
    expect(decideRetry(1, undefined, policy, t, { deadline: NOW + 100 })).toMatchObject({
      retry: false,
      why: expect.stringContaining('timeout'),
    });
    const cancelled = new AbortController();
    cancelled.abort();
    expect(decideRetry(1, undefined, policy, t, { signal: cancelled.signal })).toMatchObject({
      retry: false,
    });
    expect(decideRetry(1, undefined, policy, t, {}, cancelled.signal)).toMatchObject({ retry: false });
    expect(t.slept).toEqual([]);
  });
});

describe('which failures and which requests are retried', () => {
  it.each([
    ['429', new KubeApiError(429, 'TooManyRequests', 'slow down'), true],
    ['503 with Retry-After', new KubeApiError(503, 'ServiceUnavailable', 'unavailable', [], '1'), true],
    ['503', new KubeApiError(503, 'ServiceUnavailable', 'unavailable'), false],
    ['500', new KubeApiError(500, 'InternalError', 'boom'), false],
    ['502', new KubeApiError(502, 'Unknown', 'bad gateway'), false],
    ['504', new KubeApiError(504, 'Timeout', 'gateway timeout'), false],
    ['ECONNREFUSED', new KubeConnectionError('refused', socketError('ECONNREFUSED')), true],
    ['ECONNRESET', new KubeConnectionError('reset', socketError('ECONNRESET')), false],
    ['UND_ERR_SOCKET', new KubeConnectionError('closed', socketError('UND_ERR_SOCKET')), false],
    ['socket hang up', new KubeConnectionError('hang up', new Error('socket hang up')), false],
    ['a timeout', new KubeConnectionError('slow', new DOMException('timed out', 'TimeoutError')), false],
  ])('%s is retried (the server certainly did not act: %s)', (_label, err, notActedOn) =>
    expect(transientFailure(err)).toMatchObject({ notActedOn }),
  );

  it.each([
    ['501', new KubeApiError(501, 'NotImplemented', 'no')],
    [
      "500 of server-side apply's schema check (the same body gets the same answer)",
      new KubeApiError(
        500,
        'InternalError',
        'failed to create typed patch object (/v1, Kind=ConfigMap) shop/a: .dta: field not declared in schema',
      ),
    ],
    ['409', new KubeApiError(409, 'Conflict', 'changed')],
    ['404', new KubeApiError(404, 'NotFound', 'gone')],
    ['403', new KubeApiError(403, 'Forbidden', 'no')],
    [
      'a bad certificate',
      new KubeConnectionError(
        'tls',
        Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      ),
    ],
    ['an unknown host', new KubeConnectionError('dns', socketError('ENOTFOUND'))],
  ])('%s is not retried', (_label, err) => expect(transientFailure(err)).toBeUndefined());

  it.each([
    ['GET', undefined, {}, true],
    ['DELETE', undefined, {}, true],
    ['PUT', undefined, {}, true],
    ['PATCH', 'application/apply-patch+yaml', {}, true],
    ['PATCH', 'application/merge-patch+json', {}, true],
    ['PATCH', 'application/json-patch+json', {}, false],
    ['POST', undefined, {}, false],
    ['POST', undefined, { dryRun: 'All' }, true],
  ])('%s %s %j may be repeated: %s', (method, type, query, safe) =>
    expect(safeToRepeat(method, type, query)).toBe(safe),
  );
});

describe('the client retry loop', () => {
  function client(timing = fakeTiming()) {
    const kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://example.invalid' }],
      users: [{ name: 'u', token: 'secret-token-value' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    const debug: string[] = [];
    return { c: new ClusterClient(kc, policy, { timing, debug: (m) => debug.push(m) }), debug, timing };
  }

  function failing(errors: unknown[], result = 'ok') {
    let calls = 0;
    return {
      attempt: async () => {
        const err = errors[calls++];
        if (err) throw err;
        return result;
      },
      calls: () => calls,
    };
  }

  it('retries a safe request through 429s and resets, honouring Retry-After, and logs each reason', async () => {
    const { c, debug, timing } = client();
    const run = failing([
      new KubeApiError(429, 'TooManyRequests', 'slow down', [], '3'),
      new KubeConnectionError('reset', socketError('ECONNRESET')),
      new KubeApiError(500, 'InternalError', 'boom'),
    ]);
    await expect(c.withRetries('GET /api/v1/pods', true, undefined, run.attempt)).resolves.toBe('ok');
    expect(run.calls()).toBe(4);
    expect(timing.slept[0]).toBe(3000);
    expect(timing.slept.slice(1)).toEqual([300, 600]); // jitter 0.5 of 400 and 800
    expect(debug).toEqual([
      'retrying GET /api/v1/pods in 3000 ms (attempt 2 of 6): 429 TooManyRequests',
      'retrying GET /api/v1/pods in 300 ms (attempt 3 of 6): connection broken (ECONNRESET)',
      'retrying GET /api/v1/pods in 600 ms (attempt 4 of 6): 500 InternalError',
    ]);
    expect(debug.join('\n')).not.toContain('secret-token-value');
    expect(c.stats.retries).toBe(3);
  });

  it('does not repeat a create the server may have done, but does one it refused or never received', async () => {
    const { c, timing } = client();
    const reset = failing([new KubeConnectionError('reset', socketError('ECONNRESET'))]);
    await expect(c.withRetries('POST /x', false, undefined, reset.attempt)).rejects.toThrow('reset');
    expect(reset.calls()).toBe(1);
    const refused = failing([
      new KubeConnectionError('refused', socketError('ECONNREFUSED')),
      new KubeApiError(429, 'TooManyRequests', 'slow down'),
    ]);
    await expect(c.withRetries('POST /x', false, undefined, refused.attempt)).resolves.toBe('ok');
    expect(refused.calls()).toBe(3);
    expect(timing.slept).toHaveLength(2);
  });

  it('stops after the attempts, saying how many, and never retries a 4xx or a 501', async () => {
    const { c, timing } = client();
    const down = failing(
      Array.from({ length: 10 }, () => new KubeConnectionError('cannot reach', socketError('ECONNREFUSED'))),
    );
    await expect(c.withRetries('GET /x', true, undefined, down.attempt)).rejects.toThrow(
      'cannot reach (6 attempts)',
    );
    expect(down.calls()).toBe(6);
    expect(timing.slept).toEqual([100, 200, 400, 800, 1600].map((x) => x * 1.5));
    for (const err of [
      new KubeApiError(501, 'NotImplemented', 'no'),
      new KubeApiError(409, 'Conflict', 'changed'),
    ]) {
      const once = failing([err]);
      await expect(c.withRetries('PUT /x', true, undefined, once.attempt)).rejects.toBe(err);
      expect(once.calls()).toBe(1);
    }
  });

  it("never sleeps past the operation's deadline, and stops sleeping when it is cancelled", async () => {
    const { c, timing, debug } = client();
    const busy = () =>
      failing(Array.from({ length: 10 }, () => new KubeApiError(503, 'ServiceUnavailable', 'busy')));
    const run = busy();
    // 150 + 300 fit in 1000 ms; the next wait (600) would end past the deadline.
    await expect(
      withRetryLimits({ deadline: NOW + 1000 }, () => c.withRetries('GET /x', true, undefined, run.attempt)),
    ).rejects.toThrow('busy');
    expect(timing.slept).toEqual([150, 300]);
    expect(debug.at(-1)).toContain("the operation's timeout comes before the next attempt would");

    const cancel = new AbortController();
    const sleeps: number[] = [];
    const { c: c2 } = client({
      now: () => NOW,
      random: () => 0.5,
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        cancel.abort(); // cancelled while waiting
        expect(signal?.aborted).toBe(true);
      },
    } as RetryTiming & { slept: number[] });
    const cancelled = busy();
    await expect(
      withRetryLimits({ signal: cancel.signal }, () =>
        c2.withRetries('GET /x', true, undefined, cancelled.attempt),
      ),
    ).rejects.toThrow('busy');
    expect(cancelled.calls()).toBe(1);
    expect(sleeps).toHaveLength(1);
  });

  it('looks for what a lost answer did before repeating (an idempotent create)', async () => {
    const { c } = client();
    const lost = failing([new KubeConnectionError('reset', socketError('UND_ERR_SOCKET'))], 'created twice');
    let lookups = 0;
    const found = await c.withRetries('POST /x', true, undefined, lost.attempt, async () => {
      lookups++;
      return 'found the first';
    });
    expect(found).toBe('found the first');
    expect(lookups).toBe(1);
    expect(lost.calls()).toBe(1);
  });
});
