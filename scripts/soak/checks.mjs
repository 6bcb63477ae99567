// The soak's checks after each sync and delete. Each returns the problems it found, as sentences, and
// adds what it looked at to `checked` (so the tally shows the checks had something to check).
import { get, list } from './cluster-reads.mjs';

export const checked = { hooks: 0, jobs: 0, leases: 0, inventoryEntries: 0, trackedObjects: 0, logLines: 0 };

const TRACKING = 'hook-sync.io/tracking';
const DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
/** The kinds the examples apply, and where they are served. */
const KINDS = {
  ConfigMap: '/api/v1/namespaces/NS/configmaps',
  Secret: '/api/v1/namespaces/NS/secrets',
  Service: '/api/v1/namespaces/NS/services',
  Deployment: '/apis/apps/v1/namespaces/NS/deployments',
  Job: '/apis/batch/v1/namespaces/NS/jobs',
};
const going = (obj) => !obj || !!obj.metadata?.deletionTimestamp;

/** Exit code, status and (for the failing app) the reason. */
export function statusProblems(what, run, result, expect) {
  const problems = [];
  if (run.code !== expect.code) problems.push(`${what} exited ${run.code}, not ${expect.code}`);
  if (result?.status !== expect.status)
    problems.push(
      `${what} ended ${result?.status ?? 'without a result'}: ${result?.message ?? run.stderr.slice(-300)}`,
    );
  if (expect.message && !expect.message.test(result?.message ?? ''))
    problems.push(`${what}'s message does not give the reason: ${result?.message}`);
  return problems;
}

/**
 * Hooks left contrary to their delete policy: one that succeeded (HookSucceeded) or failed (HookFailed)
 * still there, one terminated by a cancel still there, any hook of the app still running.
 */
export async function hookProblems(cluster, ns, result) {
  const problems = [];
  const jobs = await list(cluster, KINDS.Job.replace('NS', ns));
  for (const t of result?.tasks ?? []) {
    if (!t.hook || t.kind !== 'Job') continue;
    checked.hooks++;
    const job = jobs.find((j) => j.metadata.name === t.name);
    if (going(job)) continue;
    const policies = String(job.metadata.annotations?.[DELETE_POLICY] ?? 'BeforeHookCreation').split(',');
    if (t.status === 'Succeeded' && policies.includes('HookSucceeded'))
      problems.push(`hook Job ${t.name} succeeded and is still there (HookSucceeded)`);
    if (t.status === 'Failed' && policies.includes('HookFailed'))
      problems.push(`hook Job ${t.name} failed and is still there (HookFailed)`);
    if (t.status === 'Terminated') problems.push(`hook Job ${t.name} was terminated and is still there`);
    if (t.status === 'Pending' || t.status === 'Skipped')
      problems.push(`hook Job ${t.name} was never run (${t.status}) yet exists`);
  }
  checked.jobs += jobs.length;
  for (const job of jobs)
    if (!going(job) && (job.status?.active ?? 0) > 0)
      problems.push(`Job ${job.metadata.name} is still running after the operation ended`);
  return problems;
}

/** The app's Lease (`hook-sync-<app>`) is gone once the operation ends. */
export async function leaseProblems(cluster, ns, app) {
  const lease = await get(cluster, `/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/hook-sync-${app}`);
  checked.leases++;
  return lease && !going(lease)
    ? [`the Lease hook-sync-${app} is still there (holder ${lease.spec?.holderIdentity ?? 'none'})`]
    : [];
}

/**
 * The inventory against the cluster: every object it records as applied exists, and every object carrying
 * the app's tracking annotation is in it. With no inventory (after a delete), no such object is left.
 */
export async function inventoryProblems(cluster, ns, app) {
  const problems = [];
  const cm = await get(cluster, `/api/v1/namespaces/${ns}/configmaps/hook-sync-inventory-${app}`);
  const objects = cm ? JSON.parse(cm.data?.['objects.json'] ?? '[]') : [];
  const live = new Map();
  for (const [kind, collection] of Object.entries(KINDS))
    for (const obj of await list(cluster, collection.replace('NS', ns)))
      if (!going(obj)) live.set(`${kind}/${obj.metadata.name}`, obj);
  for (const o of objects) {
    if (o.state !== 'applied' || !KINDS[o.kind] || o.namespace !== ns) continue;
    checked.inventoryEntries++;
    if (!live.has(`${o.kind}/${o.name}`))
      problems.push(`the inventory lists ${o.kind}/${o.name} as applied; the cluster has no such object`);
  }
  const listed = new Set(objects.map((o) => `${o.kind}/${o.name}`));
  for (const [key, obj] of live) {
    if (obj.metadata.annotations?.[TRACKING] !== `${ns}/${app}`) continue;
    checked.trackedObjects++;
    if (!listed.has(key))
      problems.push(
        `${key} carries the app's tracking annotation but is not in ${cm ? 'the' : 'any'} inventory`,
      );
  }
  return problems;
}

/**
 * Every numbered line the counting hook printed arrives once, in order, with none missing up to the last
 * one seen (all `lines` of them unless cancelled, at least `atLeast`) — or the result says its log is
 * incomplete.
 */
export function logProblems(stdout, result, { lines: expected, atLeast = 1 }) {
  const seen = [];
  for (const line of stdout.split('\n')) {
    const m = /^\s+\[counter-[^\]]*\] soak-line-(\d+)$/.exec(line);
    if (m) seen.push(Number(m[1]));
  }
  checked.logLines += seen.length;
  const counter = (result?.tasks ?? []).find((t) => t.hook && t.name.startsWith('counter-'));
  if (counter?.logsIncomplete) return { problems: [], incomplete: true };
  const last = expected ?? Math.max(0, ...seen);
  const problems = [];
  if (Math.max(0, ...seen) < atLeast)
    problems.push(`the counting hook's lines did not show (${seen.length} seen)`);
  const counts = new Map();
  for (const n of seen) counts.set(n, (counts.get(n) ?? 0) + 1);
  const missing = [];
  for (let n = 1; n <= last; n++) if (!counts.has(n)) missing.push(n);
  const doubled = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
  if (missing.length)
    problems.push(`log lines missing without logsIncomplete: ${missing.slice(0, 10).join(', ')}`);
  if (doubled.length) problems.push(`log lines printed twice: ${doubled.slice(0, 10).join(', ')}`);
  if (seen.some((n, i) => i > 0 && n < seen[i - 1])) problems.push('log lines out of order');
  return { problems, incomplete: false };
}
