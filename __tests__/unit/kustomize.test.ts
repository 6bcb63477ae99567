// Kustomize input: a directory entry holding a kustomization is rendered with kubectl; its objects name the
// render as their source; a missing kubectl or a failed render is an error at the kustomization; nested
// Kustomize directories met on a directory walk are skipped with a warning.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '../../src/diagnostics.js';
import { overrideInputsFromFlags } from '../../src/manifests/image-overrides.js';
import { kubectlMessage } from '../../src/manifests/kustomize.js';
import { loadManifests } from '../../src/manifests/load-manifests.js';
import { loadPlan } from '../../src/plan/load-plan.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = path.join(ROOT, '__tests__/fixtures/kustomize');
const tmp = mkdtempSync(path.join(tmpdir(), 'hook-sync-kustomize-'));

/** A stand-in for kubectl: prints `stdout` and `stderr`, exits with `code`. */
function fakeKubectl(name: string, stdout: string, stderr = '', code = 0): string {
  const out = path.join(tmp, `${name}.out`);
  const err = path.join(tmp, `${name}.err`);
  writeFileSync(out, stdout);
  writeFileSync(err, stderr);
  const script = path.join(tmp, name);
  writeFileSync(script, `#!/bin/sh\ncat '${out}'\ncat '${err}' >&2\nexit ${code}\n`);
  chmodSync(script, 0o755);
  return script;
}

const names = (r: Awaited<ReturnType<typeof loadManifests>>) =>
  r.manifests.map((m) => `${String(m.object.kind)}/${String(m.object.metadata?.name)}`);

describe('a Kustomize directory as an entry', () => {
  it('is rendered with kubectl; each object names the render and its line in the output', async () => {
    const r = await loadManifests(['overlays/preview'], { cwd: FIXTURES });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(names(r)).toEqual([
      'ConfigMap/preview-api-config',
      'Service/preview-api',
      'Deployment/preview-api',
      'Job/preview-migrate',
    ]);
    expect(r.files).toEqual(['overlays/preview']);
    const rendered = execFileSync('kubectl', ['kustomize', 'overlays/preview'], {
      cwd: FIXTURES,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).split('\n');
    for (const m of r.manifests) {
      expect(m.source.file).toBe('overlays/preview (kustomize)');
      // The object's document in `kubectl kustomize overlays/preview`'s output starts at that line.
      const document = rendered.slice(m.source.line - 1);
      const end = document.indexOf('---');
      expect(document.slice(0, end < 0 ? undefined : end)).toContain(`  name: ${m.object.metadata?.name}`);
      expect(rendered[m.source.line - 2] ?? '---').toBe('---');
    }
    // The overlay's own image and the base's labels, as kustomize made them.
    const deployment = r.manifests[2]!.object as any;
    expect(deployment.spec.template.spec.containers[0].image).toBe('ghcr.io/acme/api:from-overlay');
    expect(deployment.metadata.labels).toEqual({ env: 'preview' });
  });

  it('is named "." when it is the working directory', async () => {
    const r = await loadManifests(['.'], { cwd: path.join(FIXTURES, 'overlays/preview') });
    expect(r.files).toEqual(['.']);
    expect(r.manifests[0]!.source.file).toBe('. (kustomize)');
  });

  it("points a plan's errors and images at lines of the render", async () => {
    const kubectl = fakeKubectl(
      'bad-wave',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n    argocd.argoproj.io/sync-wave: "one"\n',
    );
    const err = await loadPlan(['overlays/preview'], {
      cwd: FIXTURES,
      env: { ...process.env, HOOK_SYNC_KUBECTL: kubectl },
      operation: 'sync',
      namespace: 'shop',
      revision: 'abc',
      startedAt: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'invalid-sync-wave',
        source: { file: 'overlays/preview (kustomize)', line: 11 },
      }),
    ]);

    const plan = await loadPlan(['overlays/preview'], {
      cwd: FIXTURES,
      images: overrideInputsFromFlags(['ghcr.io/acme/api:0123abc']),
      operation: 'sync',
      namespace: 'shop',
      revision: 'abc',
      startedAt: 1,
    });
    expect(plan.images!.map((s) => `${s.object.name}/${s.container}: ${s.from} → ${s.to}`)).toEqual([
      'preview-api/api: ghcr.io/acme/api:from-overlay → ghcr.io/acme/api:0123abc',
      'preview-api/wait-for-config: ghcr.io/acme/api:from-overlay → ghcr.io/acme/api:0123abc',
      'preview-migrate/migrate: ghcr.io/acme/api:from-overlay → ghcr.io/acme/api:0123abc',
    ]);
    expect(plan.images!.every((s) => s.source.file === 'overlays/preview (kustomize)')).toBe(true);
  });

  it("passes kustomize's own warnings on", async () => {
    const kubectl = fakeKubectl(
      'warns',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
      "# Warning: 'commonLabels' is deprecated. Please use 'labels' instead.\n",
    );
    const r = await loadManifests(['overlays/preview'], {
      cwd: FIXTURES,
      env: { ...process.env, HOOK_SYNC_KUBECTL: kubectl },
    });
    expect(names(r)).toEqual(['ConfigMap/a']);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'kustomize-warning',
        message: `"kubectl kustomize overlays/preview": 'commonLabels' is deprecated. Please use 'labels' instead.`,
        source: { file: 'overlays/preview/kustomization.yaml', line: 1 },
      },
    ]);
  });
});

describe('when it cannot be rendered', () => {
  it('says kubectl is needed and what to do when the binary HOOK_SYNC_KUBECTL names does not exist', async () => {
    const missing = path.join(tmp, 'no-such-kubectl');
    const r = await loadManifests(['overlays/preview'], {
      cwd: FIXTURES,
      env: { ...process.env, HOOK_SYNC_KUBECTL: missing },
    });
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'kubectl-not-found',
        message: `"overlays/preview" holds a kustomization.yaml: rendering it needs kubectl, and "${missing}" (from HOOK_SYNC_KUBECTL) does not exist`,
        hint: expect.stringContaining(
          'install kubectl (https://kubernetes.io/docs/tasks/tools/; GitHub\'s hosted runners have it), set HOOK_SYNC_KUBECTL to its path, or render it yourself ("kubectl kustomize overlays/preview > rendered.yaml", or "kustomize build overlays/preview") and pass the rendered file instead',
        ),
        source: { file: 'overlays/preview/kustomization.yaml', line: 1 },
      },
    ]);
  });

  it('says so when kubectl is not on the PATH', async () => {
    const r = await loadManifests(['overlays/preview'], { cwd: FIXTURES, env: { PATH: tmp } });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'kubectl-not-found',
        '"overlays/preview" holds a kustomization.yaml: rendering it needs kubectl, and "kubectl" was not found on the PATH',
      ],
    ]);
  });

  it("refuses a broken kustomization with kubectl's own message, paths relative, and plans nothing", async () => {
    const err = await loadPlan(['broken', 'base'], {
      cwd: FIXTURES,
      operation: 'sync',
      namespace: 'shop',
      revision: 'abc',
      startedAt: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    const [d, ...others] = (err as InvalidInputError).diagnostics;
    expect(others).toEqual([]);
    expect(d).toMatchObject({
      severity: 'error',
      code: 'kustomize-failed',
      source: { file: 'broken/kustomization.yaml', line: 1 },
      hint: 'fix the kustomization; "kubectl kustomize broken" shows the same error',
    });
    expect(d!.message).toMatch(/^"kubectl kustomize broken" failed: .*broken\/missing\.yaml/);
    expect(d!.message).not.toContain(FIXTURES);
    expect(d!.message).not.toContain('\n');
  });

  it('reads the message out of either way kubectl prints it', () => {
    expect(
      kubectlMessage(
        'E1123 16:35:23.839291    2447 run.go:72] "command failed" err="invalid Kustomization: yaml: line 1: did not find \\"node\\" content in /w/k/kustomization.yaml"\n',
        '/w',
      ),
    ).toBe('invalid Kustomization: yaml: line 1: did not find "node" content in k/kustomization.yaml');
    expect(kubectlMessage('error: accumulating resources:\n  missing.yaml: no such file\n', '/w')).toBe(
      'accumulating resources: missing.yaml: no such file',
    );
    expect(kubectlMessage(`error: ${'x'.repeat(1000)}`, '/w')).toHaveLength(600);
  });

  it('gives the exit code when kubectl says nothing', async () => {
    const r = await loadManifests(['overlays/preview'], {
      cwd: FIXTURES,
      env: { ...process.env, HOOK_SYNC_KUBECTL: fakeKubectl('silent', '', '', 3) },
    });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      '"kubectl kustomize overlays/preview" failed: exit code 3',
    ]);
  });
});

describe("kubectl's environment", () => {
  it("has the process's, without the action's inputs (a kubeconfig, a token)", async () => {
    const script = path.join(tmp, 'print-env');
    writeFileSync(
      script,
      '#!/bin/sh\nprintf "apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: env}\\ndata: {kubeconfig: \\"%s\\", token: \\"%s\\", home: \\"%s\\"}\\n" "$INPUT_KUBECONFIG" "$INPUT_GITHUB_TOKEN" "$HOME"\n',
    );
    chmodSync(script, 0o755);
    const r = await loadManifests(['overlays/preview'], {
      cwd: FIXTURES,
      env: {
        ...process.env,
        HOME: '/home/runner',
        INPUT_KUBECONFIG: 'apiVersion: v1 # with a client key',
        INPUT_GITHUB_TOKEN: 'ghs_secret',
        HOOK_SYNC_KUBECTL: script,
      },
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests[0]!.object.data).toEqual({ kubeconfig: '', token: '', home: '/home/runner' });
  });
});

describe('Kustomize files met otherwise', () => {
  it('skips a Kustomize directory inside a directory walk, with a warning saying how to render it', async () => {
    const r = await loadManifests(['tree'], { cwd: FIXTURES });
    expect(names(r)).toEqual(['ConfigMap/plain']);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'kustomization-skipped',
        message:
          '"tree/overlay" holds a kustomization.yaml: it is a Kustomize directory, so none of its files were loaded',
        hint: 'to render it with "kubectl kustomize", name "tree/overlay" as a manifests entry of its own',
        source: { file: 'tree/overlay/kustomization.yaml', line: 1 },
      },
    ]);
  });

  it('says so when a walk finds nothing but Kustomize directories', async () => {
    const r = await loadManifests(['overlays'], { cwd: FIXTURES });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['kustomization-skipped', 'no-manifests']);
    expect(r.diagnostics[1]!.message).toBe(
      'the directory "overlays" holds no .yaml, .yml or .json file outside its Kustomize directories',
    );
  });

  it('skips a kustomization file named as a file (a glob, say), whatever it holds, naming its directory', async () => {
    const r = await loadManifests(['tree/overlay/*.yaml'], { cwd: FIXTURES });
    expect(names(r)).toEqual(['ConfigMap/from-the-overlay']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'kustomization-skipped',
        hint: 'to render it with "kubectl kustomize", name its directory ("tree/overlay") as a manifests entry',
        source: { file: 'tree/overlay/kustomization.yaml', line: 1 },
      }),
    ]);
  });
});
