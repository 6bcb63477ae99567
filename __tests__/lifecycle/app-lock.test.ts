// The lock per application (a Lease), against the embedded cluster: one holder at a time, the second one
// waits on a watch (or the lease's expiry) and takes it over, gives up naming the holder, and a holder
// learns when its lock is gone. Orders of events are asserted, never durations.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ObjectWatcher, type Change } from '../../src/cluster/object-watcher.js';
import { LEASE_INFO, microTime } from '../../src/lifecycle/app-lock-lease.js';
import {
  LockLostError,
  LockNamespaceMissingError,
  LockTimeoutError,
  acquireLock,
  lockLeaseName,
  type HeldLock,
  type LockHolderInfo,
  type LockOptions,
} from '../../src/lifecycle/app-lock.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const leaseType = () => t.cluster.api.registry.byKind('coordination.k8s.io', 'Lease')!;
const leaseOf = (ns: string, app: string): any => t.cluster.api.tryGet(leaseType(), ns, lockLeaseName(app));

let nsCounter = 0;
function freshNamespace(): string {
  const ns = `lock-${++nsCounter}`;
  makeNamespace(t, ns);
  return ns;
}

function lock(ns: string, holder: string, more: Partial<LockOptions> = {}): Promise<HeldLock> {
  return acquireLock(clientFor(t), {
    app: 'shop',
    namespace: ns,
    holder,
    operation: 'sync',
    waitMs: 30_000,
    ...more,
  });
}

/** A Lease as a run of another process left it: holder `crashed-run`, last renewed at `renewedAt`. */
function leaseByHand(ns: string, renewedAt: number, durationSeconds = 2): void {
  t.cluster.api.create(leaseType(), ns, {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: lockLeaseName('shop'),
      annotations: { 'hook-sync.io/holder': 'crashed-run', 'hook-sync.io/operation': 'sync' },
    },
    spec: {
      holderIdentity: 'crashed-run#00000000',
      acquireTime: microTime(renewedAt),
      renewTime: microTime(renewedAt),
      leaseDurationSeconds: durationSeconds,
      leaseTransitions: 3,
    },
  });
}

/** Resolves with the signal's reason once it is aborted. */
function whenAborted(signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(signal.reason);
    else signal.addEventListener('abort', () => resolve(signal.reason), { once: true });
  });
}

describe('lockLeaseName', () => {
  it('is hook-sync-<app> when that is a valid name, and a valid name with a hash of the app otherwise', () => {
    expect(lockLeaseName('shop')).toBe('hook-sync-shop');
    expect(lockLeaseName('shop.eu-1')).toBe('hook-sync-shop.eu-1');
    const valid = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    const odd = ['Shop', 'my_app', 'org/repo', '-x-', 'ü', 'a'.repeat(300), `${'b'.repeat(260)}_`];
    const names = odd.map(lockLeaseName);
    for (const name of names) {
      expect(name).toMatch(valid);
      expect(name.length).toBeLessThanOrEqual(253);
      expect(name.startsWith('hook-sync-')).toBe(true);
    }
    expect(names[0]).toMatch(/^hook-sync-shop-[0-9a-f]{10}$/);
    expect(new Set([...names, lockLeaseName('shop'), lockLeaseName('SHOP')]).size).toBe(odd.length + 2);
    expect(() => lockLeaseName(' ')).toThrow(/empty/);
  });
});

describe('acquireLock', () => {
  it('creates the Lease, naming the holder and the operation, and release() deletes it', async () => {
    const ns = freshNamespace();
    const held = await lock(ns, 'https://github.com/org/shop/actions/runs/1', { leaseDurationSeconds: 30 });
    const lease = leaseOf(ns, 'shop');
    expect(lease.metadata.annotations).toMatchObject({
      'hook-sync.io/app': 'shop',
      'hook-sync.io/holder': 'https://github.com/org/shop/actions/runs/1',
      'hook-sync.io/operation': 'sync',
    });
    expect(lease.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'hook-sync' });
    expect(lease.spec.holderIdentity).toMatch(
      /^https:\/\/github\.com\/org\/shop\/actions\/runs\/1#[0-9a-f]{8}$/,
    );
    expect(lease.spec.leaseDurationSeconds).toBe(30);
    expect(lease.spec.acquireTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(lease.spec.renewTime).toBe(lease.spec.acquireTime);
    expect(held.lost.aborted).toBe(false);

    await held.release();
    expect(leaseOf(ns, 'shop')).toBeUndefined();
    await held.release(); // idempotent
    expect(held.lost.aborted).toBe(false);
  });

  it('renews the Lease while held', async () => {
    const ns = freshNamespace();
    const watcher = new ObjectWatcher(clientFor(t));
    await watcher.watch(LEASE_INFO, ns);
    const renewed = new Promise<Change>((resolve) =>
      watcher.onChange((c) => {
        const spec = (c.object.spec ?? {}) as { acquireTime?: string; renewTime?: string };
        if (c.type === 'MODIFIED' && spec.renewTime && spec.renewTime > spec.acquireTime!) resolve(c);
      }),
    );
    const held = await lock(ns, 'renewing', { leaseDurationSeconds: 2 });
    try {
      const change = await renewed;
      expect((change.object.spec as any).holderIdentity).toMatch(/^renewing#/);
      expect(held.lost.aborted).toBe(false);
    } finally {
      watcher.close();
      await held.release();
    }
    expect(leaseOf(ns, 'shop')).toBeUndefined();
  });

  it('makes a second run wait while the first holds the lock, and gives it the lock once released', async () => {
    const ns = freshNamespace();
    const events: string[] = [];
    // The default duration (60s): only the release, seen on the watch, can let the second one in.
    const first = await lock(ns, 'run-1');
    events.push('run-1 holds');
    let startedWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => (startedWaiting = resolve));
    const reported: LockHolderInfo[] = [];
    const second = lock(ns, 'run-2', {
      onWait: (h) => {
        reported.push(h);
        events.push(`run-2 waits for ${h.holder}`);
        startedWaiting();
      },
    }).then((held) => {
      events.push('run-2 holds');
      return held;
    });
    await waiting;
    events.push('run-1 releases');
    await first.release();
    const held = await second;
    expect(events).toEqual(['run-1 holds', 'run-2 waits for run-1', 'run-1 releases', 'run-2 holds']);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ holder: 'run-1', operation: 'sync' });
    expect(reported[0]!.since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(reported[0]!.expiresAt)).toBeGreaterThan(Date.parse(reported[0]!.since));
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^run-2#/);
    await held.release();
  });

  it('takes over at once a lease its holder stopped renewing (a killed run) once it expired', async () => {
    const ns = freshNamespace();
    leaseByHand(ns, Date.now() - 3_600_000);
    const waited: LockHolderInfo[] = [];
    const held = await lock(ns, 'run-after-crash', { waitMs: 0, onWait: (h) => waited.push(h) });
    expect(waited).toEqual([]);
    const lease = leaseOf(ns, 'shop');
    expect(lease.spec.holderIdentity).toMatch(/^run-after-crash#/);
    expect(lease.spec.leaseTransitions).toBe(4);
    expect(lease.metadata.annotations['hook-sync.io/holder']).toBe('run-after-crash');
    await held.release();
    expect(leaseOf(ns, 'shop')).toBeUndefined();
  });

  it('waits for a lease nobody renews until its expiry, then takes it over', async () => {
    const ns = freshNamespace();
    leaseByHand(ns, Date.now(), 2); // nothing will change it: only its expiry wakes the waiting run
    const events: string[] = [];
    const held = await lock(ns, 'patient-run', { onWait: (h) => events.push(`waits for ${h.holder}`) });
    events.push('holds');
    expect(events).toEqual(['waits for crashed-run', 'holds']);
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^patient-run#/);
    await held.release();
  });

  it.each([
    ['a free lock', false],
    ['an expired lease', true],
  ])('lets exactly one of several racing runs hold %s at a time', async (_what, expired) => {
    const ns = freshNamespace();
    if (expired) leaseByHand(ns, Date.now() - 3_600_000);
    const events: string[] = [];
    const run = async (name: string) => {
      const held = await lock(ns, name);
      events.push(`enter ${name}`);
      // Hold it across real requests, so the others get to try meanwhile.
      const seen = (await clientFor(t).get({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        namespace: ns,
        name: lockLeaseName('shop'),
      })) as any;
      expect(seen.spec.holderIdentity).toMatch(new RegExp(`^${name}#`));
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`exit ${name}`);
      await held.release();
    };
    await Promise.all(['a', 'b', 'c'].map(run));
    expect(events).toHaveLength(6);
    for (let i = 0; i < events.length; i += 2) {
      const who = events[i]!.replace('enter ', '');
      expect([events[i], events[i + 1]]).toEqual([`enter ${who}`, `exit ${who}`]);
    }
    expect(new Set(events).size).toBe(6);
    expect(leaseOf(ns, 'shop')).toBeUndefined();
  });

  it('gives up after waitMs with a LockTimeoutError naming the holder, since when, and what to do', async () => {
    const ns = freshNamespace();
    const first = await lock(ns, 'https://github.com/org/shop/actions/runs/7', { operation: 'delete' });
    const waited: LockHolderInfo[] = [];
    try {
      const err = await lock(ns, 'run-2', { waitMs: 300, onWait: (h) => waited.push(h) }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LockTimeoutError);
      const message = (err as Error).message;
      expect(message).toMatch(
        /^app shop is locked by https:\/\/github\.com\/org\/shop\/actions\/runs\/7 \(operation delete, since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, lease expires \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\): another run is deleting it \(waited \S+\)\. /,
      );
      expect(message).toMatch(
        /Wait for it, or pass --no-lock \/ lock: false if you know better \(the lock is Lease lock-\d+\/hook-sync-shop\)\.$/,
      );
      expect((err as LockTimeoutError).holder.holder).toBe('https://github.com/org/shop/actions/runs/7');
      expect(waited.map((w) => w.holder)).toEqual(['https://github.com/org/shop/actions/runs/7']);

      // waitMs 0: no waiting at all.
      await expect(lock(ns, 'run-3', { waitMs: 0 })).rejects.toBeInstanceOf(LockTimeoutError);
      expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(
        /^https:\/\/github\.com\/org\/shop\/actions\/runs\/7#/,
      );
      expect(first.lost.aborted).toBe(false);
    } finally {
      await first.release();
    }
  });

  it('rejects with an AbortError when cancelled while waiting, and leaves the holder alone', async () => {
    const ns = freshNamespace();
    const first = await lock(ns, 'run-1');
    const controller = new AbortController();
    try {
      const err = await lock(ns, 'run-2', {
        signal: controller.signal,
        onWait: () => controller.abort(),
      }).catch((e: unknown) => e);
      expect((err as Error).name).toBe('AbortError');
      expect((err as Error).message).toMatch(/stopped waiting for the lock of app shop: cancelled/);
      expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^run-1#/);
      expect(first.lost.aborted).toBe(false);
    } finally {
      await first.release();
    }
  });

  it('releases the lock when its signal is aborted while held', async () => {
    const ns = freshNamespace();
    const controller = new AbortController();
    const first = await lock(ns, 'run-1', { signal: controller.signal });
    const second = lock(ns, 'run-2', { onWait: () => controller.abort() });
    const held = await second;
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^run-2#/);
    expect(first.lost.aborted).toBe(false);
    await first.release(); // the Lease is run-2's now: left alone
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^run-2#/);
    await held.release();
  });

  it('aborts `lost` when another party overwrites the holder, and release() then leaves its Lease alone', async () => {
    const ns = freshNamespace();
    const held = await lock(ns, 'run-1', { leaseDurationSeconds: 2 });
    const lease = leaseOf(ns, 'shop');
    // As `kubectl apply` or another tool would: an unconditional update naming someone else.
    t.cluster.api.update(leaseType(), ns, lease.metadata.name, {
      ...lease,
      metadata: {
        ...lease.metadata,
        resourceVersion: undefined,
        annotations: { 'hook-sync.io/holder': 'intruder', 'hook-sync.io/operation': 'delete' },
      },
      spec: { ...lease.spec, holderIdentity: 'intruder#1' },
    });
    const reason = await whenAborted(held.lost);
    expect(reason).toBeInstanceOf(LockLostError);
    expect((reason as Error).message).toBe(
      'the lock of app shop was taken over by intruder (operation delete) while held',
    );
    await held.release();
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toBe('intruder#1');
  });

  it('aborts `lost` when the Lease is deleted while held', async () => {
    const ns = freshNamespace();
    const held = await lock(ns, 'run-1', { leaseDurationSeconds: 2 });
    t.cluster.api.delete(leaseType(), ns, lockLeaseName('shop'));
    const reason = await whenAborted(held.lost);
    expect((reason as Error).message).toMatch(/^the lock of app shop was removed while held/);
    await held.release();
  });

  it('aborts `lost` when renewals keep failing past the expiry', async () => {
    const ns = freshNamespace();
    const held = await lock(ns, 'run-1', { leaseDurationSeconds: 2 });
    t.cluster.faults.set({ errorRate: 1 });
    try {
      const reason = await whenAborted(held.lost);
      expect(reason).toBeInstanceOf(LockLostError);
      expect((reason as Error).message).toMatch(
        /^the lock of app shop could not be renewed since \S+ and its lease expired: /,
      );
    } finally {
      t.cluster.faults.set({ errorRate: 0 });
    }
    // Expired but still naming this run, as nobody took it over: release() frees it for the next run.
    expect(leaseOf(ns, 'shop').spec.holderIdentity).toMatch(/^run-1#/);
    await held.release();
    expect(leaseOf(ns, 'shop')).toBeUndefined();
  });

  it('says so when the namespace does not exist', async () => {
    await expect(lock('no-such-namespace', 'run-1')).rejects.toBeInstanceOf(LockNamespaceMissingError);
    await expect(lock('no-such-namespace', 'run-1')).rejects.toThrow(
      'cannot lock app shop: namespace no-such-namespace does not exist',
    );
  });
});
