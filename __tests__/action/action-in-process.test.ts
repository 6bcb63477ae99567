// The action from its sources, in process (the bundle is tested by action.test.ts): a Secret that lives only
// in the cluster, printed by a hook, reaches none of the summary, the outputs, the PR comment or the log; a
// Secret hook-sync may not read keeps that hook's logs out of them all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runWithEnvironment } from '../helpers/action-run.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { clusterSecret, jobYaml, makeNamespace } from '../helpers/sync.js';

const PASSWORD = 'only-in-the-cluster-s3cr3t';

let t: TestCluster;
let gh: FakeGitHub;
beforeAll(async () => {
  t = await startTestCluster();
  gh = new FakeGitHub();
  await gh.start();
});
afterAll(async () => {
  await t.stop();
  await gh.stop();
});

const secretOf = (ns: string) => clusterSecret(t, ns, 'platform-db', { password: PASSWORD });

interface InProcessRun {
  stdout: string;
  summary: string;
  outputs: string;
  output: Record<string, string>;
  comments: string;
  exitCode: number | undefined;
}

const leakyMigration = jobYaml('migrate', 'echo password is $DB_PASSWORD; exit 1', {
  'argocd.argoproj.io/hook': 'PreSync',
}).replace(
  '          command: [',
  '          env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: platform-db, key: password}}}]\n          command: [',
);

interface RunOptions {
  /** deploy/<file> → content (default: a migration that prints a cluster Secret and fails). */
  manifests?: Record<string, string>;
  dir?: string;
  /** Extra or overriding variables (INPUT_*, GITHUB_*, KUBECONFIG, HOME). */
  env?: Record<string, string>;
  event?: unknown;
}

/** Runs `run()` with the runner's environment, capturing what it writes; restores everything after. */
async function runInProcess(ns: string, pr: number, options: RunOptions = {}): Promise<InProcessRun> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'hook-sync-in-process-'));
  mkdirSync(path.join(dir, 'deploy'), { recursive: true });
  for (const [file, text] of Object.entries(options.manifests ?? { 'migrate.yaml': leakyMigration }))
    writeFileSync(path.join(dir, 'deploy', file), text);
  writeFileSync(
    path.join(dir, 'event.json'),
    JSON.stringify(options.event ?? { pull_request: { number: pr } }),
  );
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'c0ffee1234567890c0ffee1234567890c0ffee12',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_RUN_ID: '77',
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_API_URL: gh.url,
    INPUT_MANIFESTS: 'deploy',
    INPUT_KUBECONFIG: t.cluster.kubeconfig(),
    INPUT_NAMESPACE: ns,
    INPUT_APP: ns,
    'INPUT_GITHUB-TOKEN': 'ghs_fake_token_for_tests',
    INPUT_TIMEOUT: '2m',
    ...options.env,
  };
  const r = await runWithEnvironment(env);
  return {
    ...r,
    comments: gh.comments
      .filter((c) => c.issue === pr)
      .map((c) => c.body)
      .join('\n'),
  };
}

describe('the action, in process', () => {
  it('masks a cluster Secret a hook prints in the log, the summary, the outputs and the comment', async () => {
    secretOf('masked-action');
    const r = await runInProcess('masked-action', 11);
    expect(r.exitCode).toBe(1);
    // The runner was told to mask it (that line must carry the value), and nothing else carries it.
    expect(r.stdout).toContain(`::add-mask::${PASSWORD}`);
    const written = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [written, r.summary, r.outputs, r.comments]) expect(text).not.toContain(PASSWORD);
    // The hook did print it, masked: the failure reason says so where people look.
    expect(written).toContain('password is ***');
    expect(r.summary).toContain('password is ***');
    expect(r.comments).toContain('password is ***');
    // Why it failed is in plain sight in both, not behind a click.
    for (const text of [r.summary, r.comments])
      expect(text).toMatch(
        /<p>❌ <b>PreSync hook Job masked-action\/migrate<\/b> · PreSync · wave 0<br>\n<b>BackoffLimitExceeded<\/b>: /,
      );
  });

  it('keeps the logs of a hook whose Secret it may not read out of every report, and warns why', async () => {
    secretOf('withheld-action');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'secrets', namespace: 'withheld-action' });
    try {
      const r = await runInProcess('withheld-action', 12);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('its logs are not shown: hook-sync may not read Secret "platform-db"');
      for (const text of [r.stdout, r.summary, r.outputs, r.comments]) {
        expect(text).not.toContain('password is');
        expect(text).not.toContain(PASSWORD);
      }
      expect(r.summary).toContain('its logs are not shown');
      expect(r.comments).toContain('its logs are not shown');
      // Said where the logs would be, under the visible reason.
      for (const text of [r.summary, r.comments])
        expect(text).toMatch(
          /Manifest: <code>deploy\/migrate\.yaml:\d+<\/code><br>\nLogs: [^<]*its logs are not shown/,
        );
    } finally {
      t.cluster.access.clear();
    }
  });
});

describe('the action, in process: where it fits workflows', () => {
  const config = (greeting: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {greeting: ${greeting}}\n`;

  it('takes the kubeconfig a login step left in $KUBECONFIG, says so, and masks it', async () => {
    makeNamespace(t, 'env-kubeconfig');
    const r = await runInProcess('env-kubeconfig', 21, {
      manifests: { 'config.yaml': config('hello') },
      env: {
        INPUT_KUBECONFIG: '',
        KUBECONFIG: t.kubeconfigPath,
        HOME: mkdtempSync(path.join(tmpdir(), 'hook-sync-home-')),
      },
    });
    expect(r.output.status).toBe('Succeeded');
    expect(r.stdout).toContain(`kubeconfig from $KUBECONFIG (${t.kubeconfigPath})`);
    expect(r.stdout).toContain('::add-mask::embedded-cluster-token');
  });

  it('comments on the PR a push merged, and names the comment and the failed task in its outputs', async () => {
    secretOf('merged-push');
    gh.pullsByCommit.set('c0ffee1234567890c0ffee1234567890c0ffee12', [
      {
        number: 22,
        head: { sha: 'topic-tip' },
        merge_commit_sha: 'c0ffee1234567890c0ffee1234567890c0ffee12',
      },
    ]);
    const r = await runInProcess('merged-push', 22, { event: {}, env: { GITHUB_EVENT_NAME: 'push' } });
    expect(r.exitCode).toBe(1);
    expect(r.comments).toContain('hook-sync');
    expect(r.output['comment-url']).toMatch(/\/pull\/22#issuecomment-\d+$/);
    expect(r.output['failed-task']).toBe('Job/merged-push/migrate');
    // The reason is in plain sight, before any collapsed block.
    const reason = r.summary.indexOf('BackoffLimitExceeded');
    expect(reason).toBeGreaterThan(-1);
    expect(r.summary.lastIndexOf('<details', reason)).toBe(-1);
  });

  it('plans with a live diff and what would be pruned: summary and its own comment, nothing written', async () => {
    const old = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old-settings}\n';
    makeNamespace(t, 'plan-diff');
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-in-process-'));
    const first = await runInProcess('plan-diff', 23, {
      dir,
      manifests: { 'config.yaml': config('hello'), 'extra.yaml': old },
    });
    expect(first.output.status).toBe('Succeeded');
    writeFileSync(path.join(dir, 'deploy', 'extra.yaml'), '');
    const r = await runInProcess('plan-diff', 23, {
      dir,
      manifests: { 'config.yaml': config('bonjour') },
      env: { INPUT_OPERATION: 'plan', INPUT_PRUNE: 'true' },
    });
    expect(r.output.status).toBe('Succeeded');
    expect(r.summary).toContain('~ data.greeting: &quot;hello&quot; → &quot;bonjour&quot;');
    expect(r.comments).toContain('<!-- hook-sync:plan app=plan-diff');
    expect(JSON.parse(r.output.result!).changes).toEqual([
      expect.objectContaining({ kind: 'ConfigMap', name: 'settings', change: 'update' }),
    ]);
    expect((t.cluster.object('', 'ConfigMap', 'plan-diff', 'settings') as any).data.greeting).toBe('hello');
    expect(r.summary).toContain('### Would be pruned (1)\n\n- ConfigMap plan-diff/old-settings (wave 0)');
  });
});

describe('the action, in process: a PR preview', () => {
  const web = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  tls: [{hosts: [pr-31.preview.example.com], secretName: preview-tls}]
  rules:
    - host: pr-31.preview.example.com
      http:
        paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
`;

  it('creates the namespace, puts the preview address in the outputs, the summary headline and the comment first line; closed: deletes it all', async () => {
    const ns = 'pr-31';
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-in-process-'));
    const event = { pull_request: { number: 31, html_url: 'https://github.example.com/acme/shop/pull/31' } };
    const r = await runInProcess(ns, 31, {
      dir,
      event,
      manifests: { 'web.yaml': web },
      env: { 'INPUT_CREATE-NAMESPACE': 'true', 'INPUT_NAMESPACE-LABELS': 'preview=true\nteam: shop' },
    });
    expect(r.output.status).toBe('Succeeded');
    expect(t.cluster.object('', 'Namespace', undefined, ns)!.metadata.labels).toMatchObject({
      preview: 'true',
      team: 'shop',
    });
    expect(r.output.urls).toMatch(/^https:\/\/pr-31\.preview\.example\.com\nhttp:\/\/172\.18\.255\.\d+$/);
    expect(r.output.url).toBe('https://pr-31.preview.example.com');
    expect(r.summary.split('\n')[0]).toContain(
      '— pr-31 · [https://pr-31.preview.example.com](https://pr-31.preview.example.com)',
    );
    const comment = gh.comments.filter((c) => c.issue === 31).at(-1)!.body;
    const visible = comment.split('\n').filter((l) => l && !l.startsWith('<!--'));
    expect(visible[0]).toMatch(/^\*\*Preview:\*\* \[https:\/\/pr-31\.preview\.example\.com\]/);
    expect(JSON.parse(r.output.result!).urls[0]).toEqual({
      url: 'https://pr-31.preview.example.com',
      source: `Ingress ${ns}/web`,
    });
    const inventory = t.cluster.object('', 'ConfigMap', ns, 'hook-sync-inventory-pr-31')!;
    expect(inventory.metadata.labels).toMatchObject({ 'hook-sync.io/pull-request': '31' });

    const closed = await runInProcess(ns, 31, {
      dir,
      event,
      manifests: {},
      env: { INPUT_OPERATION: 'delete', INPUT_MANIFESTS: '' },
    });
    expect(closed.output.status).toBe('Succeeded');
    await t.cluster.waitFor(() => !t.cluster.object('', 'Namespace', undefined, ns));
    expect(closed.output.urls).toBe('');
  });
});
