// A run killed with SIGKILL (a runner lost, a job cancelled hard), then the next run: nothing it created
// is forgotten, and a migration it left running is awaited, never started a second time.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { jobYaml, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-killed-'));
  mkdirSync(path.join(dir, 'deploy'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'deploy', name), text);
  return dir;
}

const args = (ns: string, app: string) => [
  '--kubeconfig',
  t.kubeconfigPath,
  '--namespace',
  ns,
  '--revision',
  'c0ffee1234567',
  '--app',
  app,
  '--lock-ttl',
  '2s',
];

/** `hook-sync sync` from the bundle, killed with SIGKILL once `when` holds in the cluster. */
async function syncKilledWhen(dir: string, extra: string[], when: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'sync', 'deploy', ...extra], {
    cwd: dir,
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await t.cluster.waitFor(when);
  child.kill('SIGKILL');
  await exited;
}

async function syncNow(dir: string, extra: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), env: {}, cwd: dir };
  const code = await main(['sync', 'deploy', ...extra, '--json', 'result.json'], io);
  return { code, out };
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n---\n`;

describe('after a run killed with SIGKILL', () => {
  it('the next sync with --prune removes what the killed run created and the manifests dropped', async () => {
    makeNamespace(t, 'killed-apply');
    const many = Array.from({ length: 30 }, (_, i) => cm(`cfg-${String(i).padStart(2, '0')}`)).join('');
    const dir = folder({ 'config.yaml': many });
    await syncKilledWhen(
      dir,
      args('killed-apply', 'apply-app'),
      () => !!t.cluster.object('', 'ConfigMap', 'killed-apply', 'cfg-00'),
    );
    // The manifests lose cfg-00 (which the killed run created); the rerun prunes it.
    writeFileSync(path.join(dir, 'deploy', 'config.yaml'), many.replace(cm('cfg-00'), ''));
    const rerun = await syncNow(dir, [...args('killed-apply', 'apply-app'), '--prune']);
    expect(rerun.code).toBe(0);
    expect(t.cluster.object('', 'ConfigMap', 'killed-apply', 'cfg-00')).toBeUndefined();
    expect(t.cluster.object('', 'ConfigMap', 'killed-apply', 'cfg-29')).toBeDefined();
    expect(rerun.out).toContain('pruned 1 object');
  });

  it('a rerun of the same revision awaits the migration it left running: one migration only', async () => {
    // Simulated time runs 20 times faster: 80 s of migration outlast the killed run's lock (2 s).
    makeNamespace(t, 'killed-hook');
    const dir = folder({
      'migrate.yaml': jobYaml('migrate-', 'echo migrating; sleep 80; echo migrated', {
        'argocd.argoproj.io/hook': 'PreSync',
      }),
      'config.yaml': cm('app'),
    });
    const created: string[] = [];
    const stop = t.cluster.subscribe((e) => {
      if (e.type === 'ADDED' && e.gk === 'batch/Job' && e.object.metadata.namespace === 'killed-hook')
        created.push(e.object.metadata.name);
    });
    const running = () =>
      t.cluster.api.store
        .list('/Pod', 'killed-hook')
        .some((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
    await syncKilledWhen(dir, args('killed-hook', 'hook-app'), running);
    const rerun = await syncNow(dir, args('killed-hook', 'hook-app'));
    stop();
    expect(rerun.code).toBe(0);
    expect(created).toHaveLength(1);
    expect(rerun.out).toContain('still running from an earlier run of this revision: awaiting it');
    expect(rerun.out).toContain(`PreSync hook Job/${created[0]} Succeeded`);
  });

  it('a run of another revision terminates the migration a killed run left, then runs its own', async () => {
    makeNamespace(t, 'killed-other');
    const dir = folder({
      'migrate.yaml': jobYaml('migrate-', 'echo migrating; sleep 600', {
        'argocd.argoproj.io/hook': 'PreSync',
      }),
    });
    const running = () =>
      t.cluster.api.store
        .list('/Pod', 'killed-other')
        .some((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
    await syncKilledWhen(dir, args('killed-other', 'other-app'), running);
    const old = t.cluster.api.store.list('batch/Job', 'killed-other').map((j) => j.metadata.name);
    writeFileSync(
      path.join(dir, 'deploy', 'migrate.yaml'),
      jobYaml('migrate-', 'echo quick', { 'argocd.argoproj.io/hook': 'PreSync' }),
    );
    const next = args('killed-other', 'other-app').map((a) => (a === 'c0ffee1234567' ? 'beef0001234567' : a));
    const rerun = await syncNow(dir, next);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain(
      `terminating Job/${old[0]}, left running by an earlier run of revision c0ffee1234567`,
    );
    expect(t.cluster.object('batch', 'Job', 'killed-other', old[0]!)).toBeUndefined();
  });
});
