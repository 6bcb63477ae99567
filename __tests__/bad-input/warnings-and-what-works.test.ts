// Mistakes hook-sync warns about and goes on (as Argo CD would, but saying so, with the nearest valid
// value), and input that looks odd but is valid: anchors and merge keys, BOMs, CRLF, JSON, Lists, a hook
// of a kind with no health check.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BAD_INPUT, lineSaying } from '../helpers/bad-input.js';
import { runCli } from '../helpers/cli.js';
import { quietNamespace } from '../helpers/cluster-snapshot.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

describe('typos are warned about with the nearest valid value (plan, no cluster)', () => {
  it.each([
    [
      'warnings/delete-policy-typo.yaml',
      [
        'warnings/delete-policy-typo.yaml:8: warning: ConfigMap marker:',
        'unknown hook delete policy "HookSucceded" is ignored (did you mean "HookSucceeded"?)',
      ],
    ],
    [
      'warnings/helm-delete-policy-typo.yaml',
      [
        'helm-delete-policy-typo.yaml:8: warning:',
        '"hook-succeded" is ignored (did you mean "hook-succeeded"?)',
      ],
    ],
    [
      'warnings/hook-type-typo.yaml',
      [
        'hook-type-typo.yaml:7: warning: ConfigMap marker:',
        'unknown hook type "PreSynk" (did you mean "PreSync"?)',
      ],
    ],
    ['warnings/helm-hook-typo.yaml', ['unknown Helm hook "pre-instal" (did you mean "pre-install"?)']],
    [
      'warnings/sync-option-key-typo.yaml',
      [
        'sync-option-key-typo.yaml:7: warning:',
        'unknown sync option "Replase" is ignored (did you mean "Replace=true"?)',
      ],
    ],
    [
      'warnings/sync-option-value-typo.yaml',
      ['sync option Replace=ture is not understood and is ignored (did you mean "Replace=true"?)'],
    ],
    [
      'warnings/name-and-generate-name.yaml',
      [
        'name-and-generate-name.yaml:6: warning: ConfigMap marker:',
        'metadata.generateName "marker-" is ignored: metadata.name "marker" is set',
      ],
    ],
    [
      'warnings/cluster-scoped-with-namespace.yaml',
      [
        'cluster-scoped-with-namespace.yaml:6: warning: ClusterRole',
        'metadata.namespace "shop" is ignored: ClusterRole is cluster-scoped',
      ],
    ],
  ])('%s', async (file, says) => {
    const r = await runCli(['plan', file], BAD_INPUT);
    expect(r.code).toBe(0);
    lineSaying(r.stdout + r.stderr, says);
  });

  it('a dropped hook says why, after the typo', async () => {
    const r = await runCli(['plan', 'warnings/hook-type-typo.yaml'], BAD_INPUT);
    lineSaying(r.stdout + r.stderr, [
      'hook with no known phase ("PreSynk"), so it is neither applied nor pruned',
    ]);
  });

  it('a sync goes on past a delete-policy typo, with the default policy, and prints the warning', async () => {
    await quietNamespace(t.cluster, 'typos');
    const r = await runCli(
      [
        'sync',
        'warnings/delete-policy-typo.yaml',
        '--kubeconfig',
        t.kubeconfigPath,
        '--namespace',
        'typos',
        '--app',
        'typos',
      ],
      BAD_INPUT,
    );
    expect(r.code).toBe(0);
    lineSaying(r.stderr, ['did you mean "HookSucceeded"?']);
    // BeforeHookCreation (the default) keeps a succeeded hook; HookSucceeded would have deleted it.
    expect(t.cluster.object('', 'ConfigMap', 'typos', 'marker')).toBeDefined();
  });
});

describe('valid input that looks unusual works', () => {
  const ns = 'unusual';
  const sync = (file: string, cwd = BAD_INPUT) =>
    runCli(['sync', file, '--kubeconfig', t.kubeconfigPath, '--namespace', ns, '--app', 'unusual'], cwd);
  const labels = (name: string) =>
    (t.cluster.object('', 'ConfigMap', ns, name)?.metadata as { labels?: Record<string, string> } | undefined)
      ?.labels;
  beforeAll(() => quietNamespace(t.cluster, ns));

  it('anchors and merge keys in a List', async () => {
    expect((await sync('works/anchors-and-merge-keys.yaml')).code).toBe(0);
    expect(labels('first')).toMatchObject({ app: 'shop' });
    expect(labels('second')).toMatchObject({ app: 'shop' });
  });

  it('a JSON manifest', async () => {
    expect((await sync('works/manifest.json')).code).toBe(0);
    expect(t.cluster.object('', 'ConfigMap', ns, 'from-json')).toBeDefined();
  });

  it('a byte-order mark and CRLF line ends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-unusual-'));
    writeFileSync(
      path.join(dir, 'windows.yaml'),
      '\ufeffapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: from-windows\r\ndata:\r\n  greeting: hello\r\n',
    );
    expect((await sync('windows.yaml', dir)).code).toBe(0);
    expect(t.cluster.object('', 'ConfigMap', ns, 'from-windows')?.data).toEqual({ greeting: 'hello' });
  });

  it('a ConfigMap hook: a kind with no health check is done once created', async () => {
    const r = await sync('works/configmap-hook.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ PostSync +0 +ConfigMap\/unusual\/release-marker \(hook\) +Succeeded/);
  });
});
