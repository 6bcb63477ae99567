// Kustomize input on the embedded cluster: an overlay (namePrefix, commonLabels, replicas and an image of its
// own) over a base with a PreSync hook, rendered by kubectl and synced; then the same overlay with --image on
// top; a kustomization kubectl cannot render, or no kubectl at all, writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace } from '../helpers/sync.js';

const FIXTURES = path.join(ROOT, '__tests__/fixtures/kustomize');

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    cwd: FIXTURES,
  });
  return { code, stdout, stderr };
}

const sync = (ns: string, ...more: string[]) =>
  cli('sync', ...more, '--kubeconfig', t.kubeconfigPath, '--namespace', ns, '--app', ns, '--timeout', '2m');

const live = (group: string, kind: string, ns: string, name: string) =>
  t.cluster.object(group, kind, ns, name) as any;

/** Images of the overlay's Deployment and hook, and of the pods that ran them. */
function images(ns: string) {
  const deployment = live('apps', 'Deployment', ns, 'preview-api').spec.template.spec;
  const hook = live('batch', 'Job', ns, 'preview-migrate').spec.template.spec;
  const pods = t.cluster.api.store
    .list('/Pod', ns)
    .filter((p: any) => !p.metadata.deletionTimestamp)
    .map((p: any) => {
      // Named by what made them: the hook's Job, or the Deployment (its ReplicaSet without the hash).
      const owner = p.metadata.ownerReferences[0];
      const by = owner.kind === 'ReplicaSet' ? owner.name.replace(/-[^-]+$/, '') : owner.name;
      return `${by}: ${p.spec.containers[0].image}`;
    })
    .sort();
  return {
    deployment: [...deployment.initContainers, ...deployment.containers].map((c: any) => c.image),
    hook: hook.containers.map((c: any) => c.image),
    pods,
  };
}

describe('a Kustomize overlay as manifests', () => {
  it('is rendered and synced, then synced again with --image on top of its own image', async () => {
    const ns = 'kustomize-preview';
    makeNamespace(t, ns);
    const first = await sync(ns, 'overlays/preview');
    expect(first.code).toBe(0);
    // The objects as kustomize made them: prefixed names, the overlay's labels, replicas and image.
    const deployment = live('apps', 'Deployment', ns, 'preview-api');
    expect(deployment.metadata.labels).toEqual({ env: 'preview' });
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'api', env: 'preview' });
    expect(deployment.spec.replicas).toBe(1);
    expect(deployment.spec.template.spec.containers[0].envFrom).toEqual([
      { configMapRef: { name: 'preview-api-config' } },
    ]);
    expect(live('', 'ConfigMap', ns, 'preview-api-config').data).toEqual({ LOG_LEVEL: 'info' });
    expect(live('', 'Service', ns, 'preview-api').spec.selector).toEqual({ app: 'api', env: 'preview' });
    expect(live('apps', 'Deployment', ns, 'api')).toBeUndefined();
    expect(images(ns)).toEqual({
      deployment: [
        'ghcr.io/acme/api:from-overlay',
        'ghcr.io/acme/api:from-overlay',
        'ghcr.io/acme/api-worker:base',
      ],
      hook: ['ghcr.io/acme/api:from-overlay'],
      pods: ['preview-api: ghcr.io/acme/api:from-overlay', 'preview-migrate: ghcr.io/acme/api:from-overlay'],
    });
    // The hook ran first, as a PreSync hook of the render; results name the render as the manifest.
    expect(first.stdout).toContain('[preview-migrate] migrating the schema');
    const result = first.stdout.slice(first.stdout.indexOf('Result:'));
    expect(result).toMatch(/✓ PreSync\s+0\s+Job\/kustomize-preview\/preview-migrate \(hook\)\s+Succeeded/);

    const second = await sync(ns, 'overlays/preview', '--image', 'ghcr.io/acme/api:0123abc');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /Deployment kustomize-preview\/preview-api api\s+ghcr\.io\/acme\/api:from-overlay → ghcr\.io\/acme\/api:0123abc\s+overlays\/preview \(kustomize\):\d+/,
    );
    expect(images(ns)).toEqual({
      deployment: ['ghcr.io/acme/api:0123abc', 'ghcr.io/acme/api:0123abc', 'ghcr.io/acme/api-worker:base'],
      hook: ['ghcr.io/acme/api:0123abc'],
      pods: ['preview-api: ghcr.io/acme/api:0123abc', 'preview-migrate: ghcr.io/acme/api:0123abc'],
    });
    expect(live('apps', 'Deployment', ns, 'preview-api').metadata.labels).toEqual({ env: 'preview' });
  });

  it('is planned with the render named as each object’s manifest', async () => {
    const r = await cli('plan', 'overlays/preview', '--namespace', 'shop', '--revision', '0123456789');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('    '));
    expect(lines.map((l) => l.trim().split(/\s{2,}/))).toEqual([
      [
        'Job.batch shop/preview-migrate',
        'hook, delete: BeforeHookCreation',
        expect.stringMatching(/^overlays\/preview \(kustomize\):\d+$/),
      ],
      ['ConfigMap shop/preview-api-config', 'resource', 'overlays/preview (kustomize):1'],
      [
        'Service shop/preview-api',
        'resource',
        expect.stringMatching(/^overlays\/preview \(kustomize\):\d+$/),
      ],
      [
        'Deployment.apps shop/preview-api',
        'resource',
        expect.stringMatching(/^overlays\/preview \(kustomize\):\d+$/),
      ],
    ]);
  });
});

describe('a kustomization that cannot be rendered', () => {
  it('writes nothing, and says what kubectl said, at the kustomization', async () => {
    const ns = 'kustomize-broken';
    makeNamespace(t, ns);
    const r = await sync(ns, 'overlays/preview', 'broken');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^broken\/kustomization\.yaml:1: error: "kubectl kustomize broken" failed: .*broken\/missing\.yaml.*\(fix the kustomization; "kubectl kustomize broken" shows the same error\)$/m,
    );
    expect(r.stderr).toContain('hook-sync: invalid manifests; nothing was applied');
    expect(t.cluster.api.store.list('/Pod', ns)).toEqual([]);
    expect(live('apps', 'Deployment', ns, 'preview-api')).toBeUndefined();
  });

  it('writes nothing without kubectl, and says what to do', async () => {
    const ns = 'kustomize-no-kubectl';
    makeNamespace(t, ns);
    const saved = process.env.HOOK_SYNC_KUBECTL;
    process.env.HOOK_SYNC_KUBECTL = path.join(FIXTURES, 'no-such-kubectl');
    try {
      const r = await sync(ns, 'overlays/preview');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'overlays/preview/kustomization.yaml:1: error: "overlays/preview" holds a kustomization.yaml: rendering it needs kubectl',
      );
      expect(r.stderr).toContain('install kubectl');
    } finally {
      if (saved === undefined) delete process.env.HOOK_SYNC_KUBECTL;
      else process.env.HOOK_SYNC_KUBECTL = saved;
    }
    expect(live('apps', 'Deployment', ns, 'preview-api')).toBeUndefined();
    expect(t.cluster.api.store.list('/ConfigMap', ns)).toEqual([]);
  });
});
