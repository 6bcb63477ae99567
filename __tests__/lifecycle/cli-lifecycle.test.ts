// `hook-sync sync --prune` and `hook-sync delete` as a user runs them, keyed on --app.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cli-lifecycle-'));
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

async function cli(...argv: string[]) {
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), env: {}, cwd: dir };
  const code = await main([...argv, '--kubeconfig', t.kubeconfigPath, '--namespace', 'preview'], io);
  return { code, out };
}

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;
const exists = (name: string) => !!t.cluster.object('', 'ConfigMap', 'preview', name);

describe('the lifecycle from the CLI', () => {
  it('syncs, prunes what left the manifests with --prune, and deletes the app with no manifests', async () => {
    makeNamespace(t, 'preview');
    writeFileSync(path.join(dir, 'a.yaml'), cm('a'));
    writeFileSync(path.join(dir, 'b.yaml'), cm('b'));
    expect((await cli('sync', 'a.yaml', 'b.yaml', '--app', 'pr-42')).code).toBe(0);

    const planned = await cli('plan', 'a.yaml', '--app', 'pr-42');
    expect(planned.code).toBe(0);
    expect(planned.out).toContain('unchanged  ConfigMap preview/a');
    expect(planned.out).toContain(
      'Left the manifests (pruned by sync --prune, last wave first):\n  ConfigMap preview/b (wave 0)',
    );

    const noPrune = await cli('sync', 'a.yaml', '--app', 'pr-42');
    expect(noPrune.code).toBe(0);
    expect(noPrune.out).toContain('1 object would be pruned (prune is off)');
    expect(exists('b')).toBe(true);

    const pruned = await cli('sync', 'a.yaml', '--app', 'pr-42', '--prune', '--json', 'pruned.json');
    expect(pruned.code).toBe(0);
    expect(exists('b')).toBe(false);
    const doc = JSON.parse(readFileSync(path.join(dir, 'pruned.json'), 'utf8'));
    expect(doc.tasks.find((x: any) => x.name === 'b')).toMatchObject({
      action: 'prune',
      status: 'Succeeded',
    });

    const status = await cli('status', '--app', 'pr-42');
    expect(status.code).toBe(0);
    expect(status.out).toContain('Application pr-42 in namespace preview: 1 objects');
    expect(status.out).toMatch(/Healthy +ConfigMap preview\/a — exists/);
    expect(status.out).toMatch(
      /sync +Succeeded +local +by \S+@\S+ — successfully synced 1 resource and 0 hooks in 1 wave; pruned 1 object/,
    );
    t.cluster.api.delete(t.cluster.api.registry.byKind('', 'ConfigMap')!, 'preview', 'a', {});
    const missing = await cli('status', '--app', 'pr-42', '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.out).objects[0]).toMatchObject({ name: 'a', health: 'Missing' });
    writeFileSync(path.join(dir, 'a.yaml'), cm('a'));
    expect((await cli('sync', 'a.yaml', '--app', 'pr-42')).code).toBe(0);

    const deleted = await cli('delete', '--app', 'pr-42');
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain('deleted the application: 1 object removed');
    expect(exists('a')).toBe(false);
  });

  it('says when an app has no inventory', async () => {
    const r = await cli('status', '--app', 'never-synced');
    expect(r.code).toBe(1);
    expect(r.out).toContain('no application "never-synced" in namespace preview');
  });

  it('refuses delete without --app, changing nothing', async () => {
    const r = await cli('delete');
    expect(r.code).toBe(2);
    expect(r.out).toContain('delete needs --app NAME');
  });
});
