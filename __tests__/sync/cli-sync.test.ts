// `hook-sync sync` as a user runs it: exit codes, the result document, kubeconfig problems, cancellation.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { syncCommand } from '../../src/cli/commands/sync.js';
import { runDistCli, ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { jobYaml, makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cli-sync-'));
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

function manifest(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(argv: string[], signals?: EventEmitter) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (s: string) => (stdout += s),
    stderr: (s: string) => (stderr += s),
    env: {},
    cwd: dir,
  };
  const code = signals ? await syncCommand(argv, io, { signals }) : await main(['sync', ...argv], io);
  return { code, stdout, stderr };
}

const hook = (phase: string) => ({ 'argocd.argoproj.io/hook': phase });

describe('hook-sync sync', () => {
  it('exits 0 on success and writes the result document', async () => {
    makeNamespace(t, 'cli-ok');
    const file = manifest(
      'ok.yaml',
      jobYaml('hello-', 'echo hello from the hook', hook('PreSync')) +
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {a: b}\n',
    );
    const r = await run([
      file,
      '--kubeconfig',
      t.kubeconfigPath,
      '--namespace',
      'cli-ok',
      '--revision',
      'feedfacecafe',
      '--json',
      'result.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[hello-feedfac-presync-\d+\] hello from the hook/);
    expect(r.stdout).toContain('Result: Succeeded');
    const doc = JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'));
    expect(Object.keys(doc)).toEqual(['status', 'message', 'revision', 'startedAt', 'finishedAt', 'tasks']);
    expect(doc).toMatchObject({ status: 'Succeeded', revision: 'feedfacecafe' });
    expect(doc.tasks.map((x: any) => [x.phase, x.kind, x.action, x.status])).toEqual([
      ['PreSync', 'Job', 'create', 'Succeeded'],
      ['Sync', 'ConfigMap', 'create', 'Succeeded'],
    ]);
    for (const key of [
      'phase',
      'wave',
      'group',
      'kind',
      'namespace',
      'name',
      'hook',
      'action',
      'status',
      'message',
      'startedAt',
      'finishedAt',
      'deleted',
    ])
      expect(doc.tasks[0]).toHaveProperty(key);
  });

  it('exits 1 on a failed sync', async () => {
    makeNamespace(t, 'cli-fail');
    const file = manifest('fail.yaml', jobYaml('broken-', 'exit 1', hook('PreSync')));
    const r = await run([
      file,
      '--kubeconfig',
      t.kubeconfigPath,
      '--namespace',
      'cli-fail',
      '--json',
      'fail.json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'fail.json'), 'utf8')).status).toBe('Failed');
  });

  it('exits 2 on invalid manifests, with an Invalid document and nothing applied', async () => {
    const file = manifest(
      'invalid.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations: {argocd.argoproj.io/sync-wave: "soon"}\n',
    );
    const requestsBefore = t.cluster.requests.length;
    const r = await run([file, '--kubeconfig', t.kubeconfigPath, '--json', 'invalid.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'invalid.yaml:5: error: ConfigMap x: argocd.argoproj.io/sync-wave must be an integer',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'invalid.json'), 'utf8'))).toMatchObject({
      status: 'Invalid',
      tasks: [],
    });
    // Invalid input is refused before the cluster is even contacted.
    expect(t.cluster.requests.length).toBe(requestsBefore);
    expect(t.cluster.object('', 'ConfigMap', 'default', 'x')).toBeUndefined();
  });

  it('exits 2 for a context the kubeconfig does not have, naming the ones it has', async () => {
    const file = manifest('any.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: any}\n');
    const r = await run([file, '--kubeconfig', t.kubeconfigPath, '--context', 'production']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hook-sync: the kubeconfig has no context "production"; it has: embedded\n');
  });

  it('exits 130 when interrupted, having deleted the running hook', async () => {
    makeNamespace(t, 'cli-cancel');
    const file = manifest('cancel.yaml', jobYaml('forever-', 'echo started; sleep 3600', hook('PreSync')));
    const signals = new EventEmitter();
    const started = t.cluster.waitFor(() =>
      t.cluster.api.store.list('/Pod', 'cli-cancel').some((p: any) => p.status?.phase === 'Running'),
    );
    const pending = run(
      [file, '--kubeconfig', t.kubeconfigPath, '--namespace', 'cli-cancel', '--json', 'cancel.json'],
      signals,
    );
    await started;
    signals.emit('SIGTERM');
    const r = await pending;
    expect(r.code).toBe(130);
    const doc = JSON.parse(readFileSync(path.join(dir, 'cancel.json'), 'utf8'));
    expect(doc.status).toBe('Cancelled');
    expect(doc.tasks[0]).toMatchObject({ status: 'Terminated', deleted: true });
  });

  it('runs from the bundle (dist/cli.js) against a cluster', async () => {
    makeNamespace(t, 'cli-dist');
    const file = manifest('dist.yaml', jobYaml('bundled-', 'echo from the bundle', hook('PostSync')));
    const r = await runDistCli(
      ['sync', file, '--kubeconfig', t.kubeconfigPath, '--namespace', 'cli-dist'],
      ROOT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[bundled-\w+-postsync-\d+\] from the bundle/);
  });
});
