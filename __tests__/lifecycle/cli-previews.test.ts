// PR previews from the CLI, as a user runs them: a namespace per preview made by --create-namespace, every
// preview listed by `status --all` (with its pull request when the action recorded one), one torn down by
// `delete --app NAME` with neither manifests nor namespace, and the namespace it created gone with it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { InventoryStore } from '../../src/lifecycle/inventory-store.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor } from '../helpers/sync.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cli-previews-'));
beforeAll(async () => {
  t = await startTestCluster();
  writeFileSync(
    path.join(dir, 'app.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {greeting: hello}\n',
  );
});
afterAll(() => t.stop());

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const io = {
    stdout: (s: string) => (out += s),
    stderr: (s: string) => (err += s),
    env: { GITHUB_REPOSITORY: 'acme/shop' },
    cwd: dir,
  };
  const code = await main([...argv, '--kubeconfig', t.kubeconfigPath], io);
  return { code, out, err };
}

const namespaceOf = (name: string) => t.cluster.object('', 'Namespace', undefined, name);

describe('previews from the CLI', () => {
  it('creates a namespace per preview, lists every preview, and tears one down by its name alone', async () => {
    const missing = await cli('sync', 'app.yaml', '--app', 'shop-pr-1', '--namespace', 'shop-pr-1');
    expect(missing.code).toBe(1);
    expect(missing.out).toContain(
      'namespace shop-pr-1 does not exist: set create-namespace (--create-namespace)',
    );
    expect(namespaceOf('shop-pr-1')).toBeUndefined();

    const planned = await cli(
      'plan',
      'app.yaml',
      '--app',
      'shop-pr-1',
      '--namespace',
      'shop-pr-1',
      '--create-namespace',
    );
    expect(planned.code).toBe(0);
    expect(planned.out).toMatch(/created +ConfigMap shop-pr-1\/settings/);
    expect(namespaceOf('shop-pr-1')).toBeUndefined();

    for (const pr of [1, 2]) {
      const r = await cli(
        'sync',
        'app.yaml',
        '--app',
        `shop-pr-${pr}`,
        '--namespace',
        `shop-pr-${pr}`,
        '--create-namespace',
        '--namespace-label',
        `preview=pr-${pr}`,
      );
      expect(r.code).toBe(0);
      expect(namespaceOf(`shop-pr-${pr}`)!.metadata.labels).toMatchObject({ preview: `pr-${pr}` });
    }
    // The pull request a preview is for, as the action records it by itself.
    expect(
      (await cli('sync', 'app.yaml', '--app', 'shop-pr-2', '--namespace', 'shop-pr-2', '--pull-request', '2'))
        .code,
    ).toBe(0);
    const inventory = await new InventoryStore(clientFor(t), 'shop-pr-2', 'shop-pr-2').read();
    expect(inventory.origin).toEqual({ repository: 'acme/shop', pullRequest: 2 });

    const all = await cli('status', '--all');
    expect(all.code).toBe(0);
    const lines = all.out.trim().split('\n');
    expect(lines[0]).toMatch(/^APP +NAMESPACE +OBJECTS +LAST OPERATION +REVISION +AGE +PULL REQUEST +BY$/);
    expect(lines[1]).toMatch(/^shop-pr-1 +shop-pr-1 +2 +sync Succeeded +\S+ +\d+s +- +\S+@\S+$/);
    expect(lines[2]).toMatch(
      /^shop-pr-2 +shop-pr-2 +2 +sync Succeeded +\S+ +\d+s +#2 \(acme\/shop\) +\S+@\S+$/,
    );

    const json = JSON.parse((await cli('status', '--all', '--json')).out);
    expect(json.apps.map((a: { app: string }) => a.app)).toEqual(['shop-pr-1', 'shop-pr-2']);
    expect(json.apps[1]).toMatchObject({
      namespace: 'shop-pr-2',
      objects: 2,
      last: { operation: 'sync', status: 'Succeeded' },
      origin: { pullRequest: 2 },
    });
    expect(typeof json.apps[1].ageSeconds).toBe('number');

    const selected = JSON.parse(
      (await cli('status', '--all', '--json', '--selector', 'hook-sync.io/pull-request')).out,
    );
    expect(selected.apps.map((a: { app: string }) => a.app)).toEqual(['shop-pr-2']);

    const one = await cli('status', '--app', 'shop-pr-1');
    expect(one.code).toBe(0);
    expect(one.out).toContain('Application shop-pr-1 in namespace shop-pr-1');

    const deleted = await cli('delete', '--app', 'shop-pr-1');
    expect(deleted.code).toBe(0);
    await t.cluster.waitFor(() => !namespaceOf('shop-pr-1'));
    expect(namespaceOf('shop-pr-2')).toBeDefined();

    const after = JSON.parse((await cli('status', '--all', '--json')).out);
    expect(after.apps.map((a: { app: string }) => a.app)).toEqual(['shop-pr-2']);

    const unknown = await cli('delete', '--app', 'shop-pr-1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no application "shop-pr-1" in the cluster');
  });

  it('refuses bad namespace metadata before touching the cluster', async () => {
    const r = await cli(
      'sync',
      'app.yaml',
      '--app',
      'bad-labels',
      '--namespace',
      'bad-labels',
      '--create-namespace',
      '--namespace-label',
      'team=a b',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('--namespace-label: label "team=a b" is not valid');
    expect(namespaceOf('bad-labels')).toBeUndefined();
  });
});
