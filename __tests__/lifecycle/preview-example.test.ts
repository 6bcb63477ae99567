// The README's preview recipe, as its CLI twin on the embedded cluster: examples/preview's Kustomize overlay
// rendered, the commit's image substituted in the Deployment and the hooks, the namespace created, the
// preview's address published; a second push with a new image; the PR closed: everything gone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { ROOT } from '../helpers/cli.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-preview-example-'));
beforeAll(async () => {
  t = await startTestCluster();
  cpSync(path.join(ROOT, 'examples', 'preview'), path.join(dir, 'preview'), { recursive: true });
});
afterAll(() => t.stop());

async function cli(...argv: string[]) {
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), env: {}, cwd: dir };
  const code = await main([...argv, '--kubeconfig', t.kubeconfigPath], io);
  return { code, out };
}

const overlay = 'preview/overlays/preview';
const preview = (sha: string) => [
  'sync',
  overlay,
  '--image',
  `ghcr.io/acme/shop:${sha}`,
  '--namespace',
  'pr-42',
  '--create-namespace',
  '--namespace-label',
  'preview=true',
  '--app',
  'preview-42',
  '--prune',
  '--json',
  `${sha}.json`,
];

describe('examples/preview, the README recipe from the CLI', () => {
  it('syncs the overlay with the commit image into a new namespace, publishes the address, and tears it all down', async () => {
    writeFileSync(path.join(dir, overlay, 'preview.env'), 'host=pr-42.preview.example.com\n');
    // A push whose migration fails; the next push, with the fix, must not be stuck on the failed Job.
    const migrateFile = path.join(dir, 'preview', 'base', 'migrate.yaml');
    const fixed = readFileSync(migrateFile, 'utf8');
    writeFileSync(
      migrateFile,
      fixed.replace("echo 'schema is up to date'", "echo 'relation orders exists' >&2; exit 1"),
    );
    const broken = await cli(...preview('badbad0'));
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('relation orders exists');
    writeFileSync(migrateFile, fixed);
    const first = await cli(...preview('c0ffee1'));
    expect(first.code).toBe(0);
    expect(first.out).toContain('Address: https://pr-42.preview.example.com (Ingress pr-42/web)');
    const web = t.cluster.object('apps', 'Deployment', 'pr-42', 'web')!;
    expect((web as any).spec.template.spec.containers[0].image).toBe('ghcr.io/acme/shop:c0ffee1');
    expect((web as any).metadata.labels.environment).toBe('preview');
    const result = JSON.parse(readFileSync(path.join(dir, 'c0ffee1.json'), 'utf8'));
    const migrate = result.tasks.find((x: { name: string }) => x.name === 'schema-migrate');
    expect(migrate).toMatchObject({ phase: 'PreSync', status: 'Succeeded' });
    expect(result.urls[0].url).toBe('https://pr-42.preview.example.com');
    expect(result.images).toContainEqual({
      object: 'Deployment pr-42/web',
      container: 'web',
      from: 'ghcr.io/acme/shop:latest',
      to: 'ghcr.io/acme/shop:c0ffee1',
    });
    expect(result.images.map((i: { object: string }) => i.object)).toContain('Job pr-42/schema-migrate');
    expect(t.cluster.object('', 'Namespace', undefined, 'pr-42')!.metadata.labels).toMatchObject({
      preview: 'true',
    });

    const second = await cli(...preview('beef002'));
    expect(second.code).toBe(0);
    const after = t.cluster.object('apps', 'Deployment', 'pr-42', 'web')!;
    expect((after as any).spec.template.spec.containers[0].image).toBe('ghcr.io/acme/shop:beef002');

    const closed = await cli('delete', overlay, '--namespace', 'pr-42', '--app', 'preview-42');
    expect(closed.code).toBe(0);
    await t.cluster.waitFor(() => !t.cluster.object('', 'Namespace', undefined, 'pr-42'));
  });
});
