import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';

/** `apiserver_request_total{…}` counts from the Prometheus text of /metrics. */
function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^apiserver_request_total\{(.*)\} (\d+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function delta(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of after) if (n !== (before.get(k) ?? 0)) out[k] = n - (before.get(k) ?? 0);
  return out;
}

/** Requests of a verb and dry run in a delta, whatever their answer. */
function of(d: Record<string, number>, verb: string, dryRun: string): number {
  return Object.entries(d)
    .filter(([k]) => k.startsWith(`verb="${verb}",dry_run="${dryRun}",`))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('request counts at /metrics', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
  });
  afterAll(() => t.stop());

  const metrics = async () => counts(await (await fetch(`${t.cluster.url}/metrics`)).text());

  it('counts each request by verb, dry run and answer, and not /metrics itself', async () => {
    const cm =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: counted\n  namespace: default\ndata:\n  a: "1"\n';
    const start = await metrics();
    expect(delta(start, await metrics())).toEqual({});

    const dry = await kubectl(t, ['apply', '--server-side', '--dry-run=server', '-f', '-'], cm);
    expect(dry.code).toBe(0);
    const afterDry = await metrics();
    expect(of(delta(start, afterDry), 'PATCH', 'All')).toBe(1);
    expect(of(delta(start, afterDry), 'PATCH', '')).toBe(0);

    const applied = await kubectl(t, ['apply', '--server-side', '-f', '-'], cm);
    expect(applied.code).toBe(0);
    const afterApply = await metrics();
    expect(of(delta(afterDry, afterApply), 'PATCH', '')).toBe(1);
    expect(of(delta(afterDry, afterApply), 'PATCH', 'All')).toBe(0);

    const missing = await kubectl(t, ['get', 'configmap', 'not-there', '-n', 'default']);
    expect(missing.code).not.toBe(0);
    expect(delta(afterApply, await metrics())).toMatchObject({ 'verb="GET",dry_run="",code="404"': 1 });
  });

  it('is what kubectl get --raw /metrics prints', async () => {
    const raw = await kubectl(t, ['get', '--raw', '/metrics']);
    expect(raw.code).toBe(0);
    expect(raw.stdout).toContain('# TYPE apiserver_request_total counter');
    expect(counts(raw.stdout).size).toBeGreaterThan(0);
  });
});
