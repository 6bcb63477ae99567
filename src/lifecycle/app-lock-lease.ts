/**
 * The lock's Lease as data: its name, its times, who holds it and until when. Pure; the requests live in
 * `app-lock.ts`.
 */
import { createHash } from 'node:crypto';
import type { Json, ResourceInfo } from '../cluster/cluster-client.js';

export const LEASE_API_VERSION = 'coordination.k8s.io/v1';

export const LEASE_INFO: ResourceInfo = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
};

/** Written on the Lease for the party that finds it taken (and for `kubectl get lease -o yaml`). */
export const LOCK_ANNOTATIONS = {
  app: 'hook-sync.io/app',
  holder: 'hook-sync.io/holder',
  operation: 'hook-sync.io/operation',
} as const;

export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'hook-sync' } as const;

export const DEFAULT_LEASE_DURATION_SECONDS = 60;

const PREFIX = 'hook-sync-';
const MAX_NAME = 253;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `hook-sync-<app>` when that is a valid object name (lowercase RFC 1123 subdomain, at most 253
 * characters). Otherwise the app is lowercased, every run of other characters becomes `-`, it is cut to
 * fit, and a hash of the app as given is appended, so two apps that clean up alike keep two locks.
 */
export function lockLeaseName(app: string): string {
  if (!app.trim()) throw new Error('the lock needs an application name, and it is empty');
  const plain = PREFIX + app;
  if (plain.length <= MAX_NAME && DNS_SUBDOMAIN.test(plain)) return plain;
  const hash = createHash('sha256').update(app).digest('hex').slice(0, 10);
  const readable = app
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const head = readable.slice(0, MAX_NAME - PREFIX.length - hash.length - 1).replace(/-+$/, '');
  return `${PREFIX}${head ? `${head}-` : ''}${hash}`;
}

/** RFC 3339 with microseconds, as Kubernetes writes a MicroTime: `2026-11-23T10:00:00.000000Z`. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/** For messages: to the second. */
export function shortTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

export interface LeaseState {
  uid: string;
  resourceVersion: string;
  /** spec.holderIdentity: empty when nobody holds it (a Lease released the client-go way). */
  identity: string;
  /** Who, for people: the holder annotation hook-sync writes, else the holder identity. */
  holder: string;
  operation?: string;
  acquiredAt?: number;
  renewedAt?: number;
  durationSeconds: number;
  /** renewTime (else acquireTime) + leaseDurationSeconds; 0 when the Lease carries no time at all. */
  expiresAt: number;
  transitions: number;
}

export function readLease(lease: Json, defaultDurationSeconds: number): LeaseState {
  const meta = (lease.metadata ?? {}) as Json;
  const spec = (lease.spec ?? {}) as Json;
  const annotations = (meta.annotations ?? {}) as Record<string, string>;
  const identity = typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '';
  const acquiredAt = parseTime(spec.acquireTime);
  const renewedAt = parseTime(spec.renewTime);
  const durationSeconds =
    typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds > 0
      ? spec.leaseDurationSeconds
      : defaultDurationSeconds;
  const last = renewedAt ?? acquiredAt;
  return {
    uid: String(meta.uid ?? ''),
    resourceVersion: String(meta.resourceVersion ?? ''),
    identity,
    holder: annotations[LOCK_ANNOTATIONS.holder] || identity,
    operation: annotations[LOCK_ANNOTATIONS.operation] || undefined,
    acquiredAt,
    renewedAt,
    durationSeconds,
    expiresAt: last === undefined ? 0 : last + durationSeconds * 1000,
    transitions: typeof spec.leaseTransitions === 'number' ? spec.leaseTransitions : 0,
  };
}

/** Nobody holds it: no holder identity, or its holder stopped renewing it for longer than its duration. */
export function isFree(state: LeaseState, now: number): boolean {
  return !state.identity || state.expiresAt <= now;
}

/** What the waiting party is told (LockOptions.onWait) and the timeout message says. */
export interface LockHolderInfo {
  holder: string;
  operation?: string;
  /** When the holder acquired the lock (RFC 3339). */
  since: string;
  /** When the lease runs out unless renewed (RFC 3339). */
  expiresAt: string;
}

export function holderInfo(state: LeaseState): LockHolderInfo {
  const since = state.acquiredAt ?? state.renewedAt;
  return {
    holder: state.holder,
    ...(state.operation ? { operation: state.operation } : {}),
    since: since === undefined ? 'an unknown time' : shortTime(since),
    expiresAt: shortTime(state.expiresAt),
  };
}

/** A Lease naming `identity` as its holder, as of `now`: a new one, or `previous` taken over. */
export function leaseBody(
  fields: {
    name: string;
    namespace: string;
    app: string;
    holder: string;
    operation: string;
    identity: string;
    durationSeconds: number;
    now: number;
  },
  previous?: Json,
): Json {
  const prevMeta = (previous?.metadata ?? {}) as Json;
  const prevSpec = (previous?.spec ?? {}) as Json;
  const time = microTime(fields.now);
  return {
    apiVersion: LEASE_API_VERSION,
    kind: 'Lease',
    metadata: {
      ...prevMeta,
      name: fields.name,
      namespace: fields.namespace,
      labels: { ...((prevMeta.labels ?? {}) as Json), ...MANAGED_BY },
      annotations: {
        ...((prevMeta.annotations ?? {}) as Json),
        [LOCK_ANNOTATIONS.app]: fields.app,
        [LOCK_ANNOTATIONS.holder]: fields.holder,
        [LOCK_ANNOTATIONS.operation]: fields.operation,
      },
    },
    spec: {
      holderIdentity: fields.identity,
      acquireTime: time,
      renewTime: time,
      leaseDurationSeconds: fields.durationSeconds,
      leaseTransitions: previous
        ? (typeof prevSpec.leaseTransitions === 'number' ? prevSpec.leaseTransitions : 0) + 1
        : 0,
    },
  };
}
