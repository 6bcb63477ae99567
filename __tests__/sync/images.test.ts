// Image substitution on the embedded cluster, as users run it: `hook-sync sync --image` and the action's
// `images` input. Every workload kind and a PreSync hook get the image by tag, then by digest, then by
// another tag (a sequence of syncs, as pushes to a PR make), asserted on the live objects; an entry that
// matches nothing is a warning; a malformed one writes nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runWithEnvironment } from '../helpers/action-run.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { makeNamespace } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const DIGEST = `sha256:${'c0ffee42'.repeat(8)}`;

const containers = (indent: string, command = '') =>
  `${indent}initContainers:
${indent}  - {name: init, image: "ghcr.io/acme/api:base", command: ["sh", "-c", "echo init"]}
${indent}containers:
${indent}  - {name: main, image: "ghcr.io/acme/api:base"${command}}
${indent}  - {name: worker, image: "ghcr.io/acme/api-worker:base"${command}}
`;

const labelled = (name: string, indent: string) =>
  `${indent}selector: {matchLabels: {app: ${name}}}
${indent}template:
${indent}  metadata: {labels: {app: ${name}}}
${indent}  spec:
${containers(indent + '    ')}`;

const JOB_COMMAND = ', command: ["sh", "-c", "echo done"]';

/** Every kind the embedded cluster runs pods for, and a PreSync hook. */
const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: {name: pod}
spec:
${containers('  ')}---
apiVersion: apps/v1
kind: Deployment
metadata: {name: deploy}
spec:
  replicas: 1
${labelled('deploy', '  ')}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: sts}
spec:
  serviceName: sts
  replicas: 1
${labelled('sts', '  ')}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: ds}
spec:
${labelled('ds', '  ')}---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  replicas: 1
${labelled('rs', '  ')}---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cron}
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
${containers('          ', JOB_COMMAND)}---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
${containers('      ', JOB_COMMAND)}`;

const POD_SPECS: [group: string, kind: string, name: string, path: string[]][] = [
  ['', 'Pod', 'pod', ['spec']],
  ['apps', 'Deployment', 'deploy', ['spec', 'template', 'spec']],
  ['apps', 'StatefulSet', 'sts', ['spec', 'template', 'spec']],
  ['apps', 'DaemonSet', 'ds', ['spec', 'template', 'spec']],
  ['apps', 'ReplicaSet', 'rs', ['spec', 'template', 'spec']],
  ['batch', 'CronJob', 'cron', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ['batch', 'Job', 'migrate', ['spec', 'template', 'spec']],
];

/** `Kind/name init=… main=… worker=…` for every object, read from the cluster. */
function liveImages(ns: string): string[] {
  return POD_SPECS.map(([group, kind, name, specPath]) => {
    let spec: any = t.cluster.object(group, kind, ns, name);
    if (!spec) return `${kind}/${name} missing`;
    for (const key of specPath) spec = spec[key];
    const images = [...spec.initContainers, ...spec.containers].map((c: any) => `${c.name}=${c.image}`);
    return `${kind}/${name} ${images.join(' ')}`;
  });
}

const everywhere = (ns: string, image: string) =>
  POD_SPECS.map(
    ([, kind, name]) => `${kind}/${name} init=${image} main=${image} worker=ghcr.io/acme/api-worker:base`,
  );

/** The images the pods of the hook and of the Deployment's current ReplicaSet were started with. */
function podImages(ns: string, owner: string): string[] {
  return t.cluster.api.store
    .list('/Pod', ns)
    .filter((p: any) => p.metadata.name.startsWith(owner) && !p.metadata.deletionTimestamp)
    .map((p: any) => p.spec.containers[0].image as string);
}

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-images-'));
mkdirSync(path.join(dir, 'deploy'));
writeFileSync(path.join(dir, 'deploy', 'app.yaml'), MANIFESTS);

async function sync(ns: string, ...images: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    [
      'sync',
      'deploy',
      '--kubeconfig',
      t.kubeconfigPath,
      '--namespace',
      ns,
      '--app',
      ns,
      '--timeout',
      '2m',
      ...images.flatMap((i) => ['--image', i]),
    ],
    { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, cwd: dir },
  );
  return { code, stdout, stderr };
}

describe('hook-sync sync --image', () => {
  it('substitutes by tag, then digest, then tag again, in every workload and the hook, on the live objects', async () => {
    const ns = 'images-cli';
    makeNamespace(t, ns);

    const byTag = await sync(ns, 'ghcr.io/acme/api:0123abc');
    expect(byTag.stderr).toBe('');
    expect(byTag.code).toBe(0);
    expect(liveImages(ns)).toEqual(everywhere(ns, 'ghcr.io/acme/api:0123abc'));
    // 7 objects, init and main container each.
    expect(byTag.stdout).toContain('Images (14 substituted):');
    expect(byTag.stdout).toMatch(
      /Deployment images-cli\/deploy main\s+ghcr\.io\/acme\/api:base → ghcr\.io\/acme\/api:0123abc\s+deploy\/app\.yaml:\d+/,
    );
    // What ran: the hook's pod and the Deployment's pod.
    expect(podImages(ns, 'migrate-')).toEqual(['ghcr.io/acme/api:0123abc']);
    expect(podImages(ns, 'deploy-')).toEqual(['ghcr.io/acme/api:0123abc']);

    const byDigest = await sync(ns, `ghcr.io/acme/api@${DIGEST}`, 'ghcr.io/acme/nothing:1');
    expect(byDigest.code).toBe(0);
    expect(liveImages(ns)).toEqual(everywhere(ns, `ghcr.io/acme/api@${DIGEST}`));
    expect(byDigest.stderr).toContain(
      'warning: no container image has the repository of "ghcr.io/acme/nothing:1" (--image); nothing was substituted for it (the repositories in the manifests are ghcr.io/acme/api, ghcr.io/acme/api-worker;',
    );
    expect(podImages(ns, 'migrate-')).toEqual([`ghcr.io/acme/api@${DIGEST}`]);

    const againByTag = await sync(ns, 'ghcr.io/acme/api:4567def');
    expect(againByTag.code).toBe(0);
    expect(liveImages(ns)).toEqual(everywhere(ns, 'ghcr.io/acme/api:4567def'));
    expect(podImages(ns, 'deploy-')).toEqual(['ghcr.io/acme/api:4567def']);

    // A malformed entry: refused before the cluster is asked; the live objects keep their images.
    const malformed = await sync(ns, 'ghcr.io/acme/api:fine', 'ghcr.io/acme/api-worker');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(
      'error: the image "ghcr.io/acme/api-worker" (--image) cannot be used: it names no tag or digest, so there is nothing to put in place of the current one (write REPOSITORY:TAG or REPOSITORY@sha256:<64 hex digits>',
    );
    expect(malformed.stdout).toBe('');
    expect(liveImages(ns)).toEqual(everywhere(ns, 'ghcr.io/acme/api:4567def'));
  });

  it('writes nothing at all into a fresh namespace when an entry is malformed', async () => {
    const ns = 'images-malformed';
    makeNamespace(t, ns);
    const r = await sync(ns, `ghcr.io/acme/api@sha256:1234`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a digest (sha256: and 64 lower-case hex digits)');
    expect(liveImages(ns)).toEqual(POD_SPECS.map(([, kind, name]) => `${kind}/${name} missing`));
    // Not even the app's inventory.
    expect(t.cluster.api.store.list('/ConfigMap', ns)).toEqual([]);
  });
});

describe('the action with images', () => {
  it('substitutes, and shows old → new in the job summary', async () => {
    const ns = 'images-action';
    makeNamespace(t, ns);
    const {
      stdout,
      outputs,
      summary: text,
      exitCode,
    } = await runWithEnvironment({
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'c0ffee1234567890c0ffee1234567890c0ffee12',
      INPUT_MANIFESTS: 'deploy',
      INPUT_IMAGES: `# the commit's image\nghcr.io/acme/api:0123abc\n\nghcr.io/acme/ap:typo\n`,
      INPUT_KUBECONFIG: t.cluster.kubeconfig(),
      INPUT_NAMESPACE: ns,
      INPUT_APP: ns,
      INPUT_COMMENT: 'false',
      INPUT_TIMEOUT: '2m',
    });
    expect(exitCode).toBeUndefined();
    expect(outputs).toMatch(/^status<<.*\nSucceeded\n/m);
    expect(liveImages(ns)).toEqual(everywhere(ns, 'ghcr.io/acme/api:0123abc'));
    expect(text).toContain('### Images (14 substituted)');
    expect(text).toMatch(
      /\| Job images-action\/migrate \| init \(init\) \| <code>ghcr\.io\/acme\/api:base<\/code> → <code>ghcr\.io\/acme\/api:0123abc<\/code> \| <code>deploy\/app\.yaml:\d+<\/code> \|/,
    );
    // The entry on line 4 of the input matched nothing: a warning in the log and the summary.
    expect(stdout).toContain(
      '::warning::warning: no container image has the repository of "ghcr.io/acme/ap:typo" (input "images", line 4)',
    );
    expect(text).toContain('no container image has the repository of &quot;ghcr.io/acme/ap:typo&quot;');
  });
});

describe('hook-sync demo --image', () => {
  it('passes the images on to its sync', async () => {
    let stdout = '';
    const code = await main(['demo', 'examples/app', '--time-scale', '0.05', '--image', 'nginx:1.28'], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stdout += s),
      env: {},
      cwd: ROOT,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Images \(1 substituted\):\n {2}Deployment demo\/web web {2}nginx:1\.27 → nginx:1\.28 {2}examples\/app\/web\.yaml:19\n/,
    );
    expect(stdout).toContain('Result: Succeeded');
  });
});
