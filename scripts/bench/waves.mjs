// (b), (c): waves each gated by a hook Job whose container sleeps 1 s. The cluster's timestamps say how long
// each hook ran (Job created → its Complete condition, both written by the cluster, in milliseconds); the
// result document says when hook-sync recorded each one's end. The difference between the whole run and
// the hooks' own time is what hook-sync adds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createNamespace, deleteNamespace, request } from './cluster-process.mjs';
import { hookSync } from './processes.mjs';

export function writeGatedWaves(dir, waves) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < waves; i++)
    writeFileSync(
      path.join(dir, `gate-${i}.yaml`),
      `apiVersion: batch/v1
kind: Job
metadata:
  name: gate-${i}
  annotations:
    argocd.argoproj.io/hook: Sync
    argocd.argoproj.io/sync-wave: "${i}"
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: gate
          image: busybox:1.36
          command: [sh, -c, "echo wave ${i}; sleep 1"]
`,
    );
}

/**
 * One run: `{ totalMs, hooksMs, spanMs, recordedMs: [...] }` — the process's wall time, the hooks' own time
 * summed, the first hook's start to the last one's end as hook-sync recorded them, and for each hook the
 * time from its Complete condition to hook-sync's record of its end.
 */
export async function wavesOnce(cluster, probe, work, dir, run) {
  const ns = `waves-${run}`;
  await createNamespace(cluster, ns);
  const json = path.join(work, `${ns}.json`);
  const synced = await hookSync(cluster, probe, [dir], { namespace: ns, app: ns, json });
  const result = JSON.parse(readFileSync(json, 'utf8'));
  const jobs = (await request(cluster, 'GET', `/apis/batch/v1/namespaces/${ns}/jobs`)).items;
  let hooksMs = 0;
  const recordedMs = [];
  for (const job of jobs) {
    const complete = (job.status?.conditions ?? []).find((c) => c.type === 'Complete' && c.status === 'True');
    if (!complete) throw new Error(`Job ${ns}/${job.metadata.name} did not complete`);
    const completedAt = Date.parse(complete.lastTransitionTime);
    hooksMs += completedAt - Date.parse(job.metadata.creationTimestamp);
    const task = result.tasks.find((t) => t.kind === 'Job' && t.name === job.metadata.name);
    recordedMs.push(Date.parse(task.finishedAt) - completedAt);
  }
  const hookTasks = result.tasks.filter((t) => t.kind === 'Job');
  const spanMs =
    Math.max(...hookTasks.map((t) => Date.parse(t.finishedAt))) -
    Math.min(...hookTasks.map((t) => Date.parse(t.startedAt)));
  await deleteNamespace(cluster, ns);
  return { totalMs: synced.ms, hooksMs, spanMs, recordedMs };
}
