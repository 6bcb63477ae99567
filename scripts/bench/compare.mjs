// (a), (d), (f): N ConfigMaps in one wave, `hook-sync sync` against `kubectl apply --server-side -f` of the
// same files, each into a fresh namespace: wall time, requests the cluster served, hook-sync's peak RSS.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createNamespace, deleteNamespace, requestsServed } from './cluster-process.mjs';
import { hookSync, kubectlApply } from './processes.mjs';

/** `count` ConfigMaps, one file each, naming no namespace (both tools are given one). */
export function writeConfigMaps(dir, count) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(
      path.join(dir, `cm-${String(i).padStart(5, '0')}.yaml`),
      `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${i}
  labels:
    app.kubernetes.io/name: bench
    app.kubernetes.io/component: settings
data:
  index: "${i}"
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout-v2,search-ranking,faster-images"
  config.json: '{"retries": 3, "timeoutSeconds": 30, "endpoints": ["https://api.example.com/v1"]}'
`,
    );
}

/** Requests counted once the process is gone (a watch is counted when its connection closes). */
async function servedSince(cluster, before) {
  await new Promise((r) => setTimeout(r, 200));
  return (await requestsServed(cluster)) - before;
}

/**
 * One run of each tool at `count` objects: `{ hookSync: {ms, requests, rssMb}, kubectl: {ms, requests} }`
 * (kubectl's undefined with `withKubectl` false).
 */
export async function compareOnce(cluster, probe, work, count, run, withKubectl = true) {
  const manifests = path.join(work, `configmaps-${count}`);
  const out = {};

  const ns = `hs-${count}-${run}`;
  await createNamespace(cluster, ns);
  let before = await requestsServed(cluster);
  const synced = await hookSync(cluster, probe, [manifests], {
    namespace: ns,
    app: ns,
    json: path.join(work, `${ns}.json`),
  });
  out.hookSync = {
    ms: synced.ms,
    requests: await servedSince(cluster, before),
    rssMb: synced.probe ? synced.probe.maxRssKb / 1024 : NaN,
  };
  await deleteNamespace(cluster, ns);
  if (!withKubectl) return out;

  const kns = `kc-${count}-${run}`;
  await createNamespace(cluster, kns);
  const cache = mkdtempSync(path.join(work, 'kubectl-cache-'));
  before = await requestsServed(cluster);
  const applied = await kubectlApply(cluster, manifests, kns, cache);
  out.kubectl = { ms: applied.ms, requests: await servedSince(cluster, before) };
  rmSync(cache, { recursive: true, force: true });
  await deleteNamespace(cluster, kns);
  return out;
}
