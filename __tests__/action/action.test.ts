// The bundled action (dist/index.js) run as the GitHub runner runs it: INPUT_* and GITHUB_* variables,
// GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, against the embedded cluster and a fake GitHub API.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { makeNamespace } from '../helpers/sync.js';

const SECRET_VALUE = 'hunter2-database-password';
const TOKEN = 'embedded-cluster-token';

let t: TestCluster;
let gh: FakeGitHub;
let runs = 0;
beforeAll(async () => {
  t = await startTestCluster();
  gh = new FakeGitHub();
  await gh.start();
});
afterAll(async () => {
  await t.stop();
  await gh.stop();
});

interface ActionRun {
  code: number;
  stdout: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** A workspace holding examples/app, with the hook changed to print the Secret it reads. */
function workspace(variant: 'app' | 'failing-migration'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-action-'));
  mkdirSync(path.join(dir, 'deploy'));
  cpSync(path.join(ROOT, 'examples', variant), path.join(dir, 'deploy'), { recursive: true });
  const config = path.join(dir, 'deploy', 'config.yaml');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace('example-only-not-a-real-password', SECRET_VALUE),
  );
  const migrate = path.join(dir, 'deploy', 'migrate.yaml');
  writeFileSync(
    migrate,
    readFileSync(migrate, 'utf8').replace(
      'applying migration 0042_add_orders_table',
      'applying migration 0042_add_orders_table as $DATABASE_PASSWORD',
    ),
  );
  return dir;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  dir = workspace('app'),
): Promise<ActionRun> {
  const n = ++runs;
  const summaryFile = path.join(dir, `..`, `summary-${n}-${path.basename(dir)}.md`);
  const outputFile = path.join(dir, `..`, `output-${n}-${path.basename(dir)}.txt`);
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const eventFile = path.join(dir, '..', `event-${n}-${path.basename(dir)}.json`);
  writeFileSync(eventFile, env.EVENT ?? JSON.stringify({ pull_request: { number: 7 } }));
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: 'c0ffee1234567890c0ffee1234567890c0ffee12',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.example.com',
    GITHUB_API_URL: gh.url,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    'INPUT_GITHUB-TOKEN': 'ghs_fake_token_for_tests',
    INPUT_COMMENT: 'true',
    INPUT_OPERATION: 'sync',
    INPUT_WAIT: 'true',
    INPUT_TIMEOUT: '2m',
    ...inputEnv,
    ...Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'EVENT')),
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'dist', 'index.js')],
      { env: childEnv, cwd: dir, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout) => {
        resolve({
          code: err ? Number((err as { code?: number }).code ?? 1) : 0,
          stdout,
          summary: readFileSync(summaryFile, 'utf8'),
          outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
          workspace: dir,
        });
      },
    );
  });
}

/** Everything the action wrote, except the runner's own add-mask commands (which must carry the secret to mask it). */
function everythingWritten(r: ActionRun): string {
  const stdout = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return [stdout, r.summary, JSON.stringify(r.outputs), ...gh.comments.map((c) => c.body)].join('\n');
}

describe('the action', () => {
  let first: ActionRun;
  let second: ActionRun;

  beforeAll(async () => {
    makeNamespace(t, 'shop');
    first = await runAction({
      manifests: 'deploy',
      kubeconfig: t.cluster.kubeconfig(),
      namespace: 'shop',
      app: 'shop',
    });
    second = await runAction(
      { manifests: 'deploy', kubeconfig: t.cluster.kubeconfig(), namespace: 'shop', app: 'shop' },
      {},
      workspace('failing-migration'),
    );
  });

  it('succeeds, sets its outputs and writes a job summary', () => {
    expect(first.code).toBe(0);
    expect(first.outputs.status).toBe('Succeeded');
    const result = JSON.parse(first.outputs.result!);
    expect(result.status).toBe('Succeeded');
    expect(result.tasks.map((x: any) => x.kind)).toEqual([
      'Secret',
      'Job',
      'ConfigMap',
      'Service',
      'Deployment',
      'Job',
      'Job',
    ]);
    expect(first.summary).toContain('## ✅ hook-sync: Succeeded — shop');
    expect(first.summary).toContain('<p>successfully synced 3 resources and 3 hooks in 5 waves</p>');
    expect(first.summary).not.toContain('| | |');
    expect(first.summary).toMatch(
      /\| App \| Revision \| Namespace \| Cluster context \| Started \| Duration \| Run \|\n\|---\|---\|---\|---\|---\|---\|---\|\n\| <code>shop<\/code> \| <code>c0ffee123456<\/code> \| <code>shop<\/code> \| <code>embedded<\/code> \| [-\d]+ [:\d]+ UTC \| \S+ \| <a href="https:\/\/github\.example\.com\/acme\/shop\/actions\/runs\/4242">run #4242<\/a> \|/,
    );
    // One table of every task, in execution order; the SyncFail hook that did not run comes last.
    expect(first.summary.match(/\| Phase \| Wave \|/g)).toHaveLength(1);
    expect(first.summary).toMatch(
      /### Tasks \(7\) in execution order\n\n\| Phase \| Wave \| Object \| Type \| Result \| Duration \| Message \|\n\|---\|---\|---\|---\|---\|---\|---\|\n\| PreSync \| -1 \| Secret shop\/\S+ \| hook \| ✅ Succeeded \| \S+ \| [^|\n]+ \|\n\| PreSync \| 0 \| Job shop\/schema-migrate-c0ffee1-presync-\d+ \| hook \| ✅ Succeeded \(deleted\) \| \S+ \| Reached expected number of succeeded pods \|/,
    );
    const rows = first.summary.split('\n').filter((l) => /^\| (PreSync|Sync|PostSync|SyncFail) \|/.test(l));
    expect(rows.map((l) => l.split(' | ')[0]!.slice(2))).toEqual([
      'PreSync',
      'PreSync',
      'Sync',
      'Sync',
      'Sync',
      'PostSync',
      'SyncFail',
    ]);
    expect(rows[6]).toMatch(/\| hook \| ⏭️ Skipped \| — \| not run: the sync did not fail \|$/);
    for (const row of first.summary.split('\n').filter((l) => l.startsWith('|')))
      expect(row).not.toMatch(/(?<!\\)\|\s*(?<!\\)\|/);
    expect(first.summary).toContain('```mermaid\ngantt\n  dateFormat x\n  axisFormat %s');
    expect(first.summary).not.toContain('%M:%S');
    expect(first.summary).toMatch(
      /section PreSync wave 0\n(?: {2}.*\n)* {2}Job schema-migrate-c0ffee1-presync-\d+ :done, \d{1,6}, \d{1,6}\n/,
    );
  });

  it('groups the log by phase and wave, with the hook logs inside', () => {
    expect(first.stdout).toMatch(
      /::group::PreSync · wave 0 \(1 task\)\n[\s\S]*\[schema-migrate-c0ffee1-presync-\d+\] connecting to postgres\.example\.internal[\s\S]*::endgroup::/,
    );
  });

  it('creates the PR comment, then updates the same comment on the next run', () => {
    const forPr = gh.comments.filter((c) => c.issue === 7 && c.body.includes('app=shop'));
    expect(forPr).toHaveLength(1);
    const body = forPr[0]!.body;
    expect(body.startsWith('<!-- hook-sync:comment app=shop header= -->')).toBe(true);
    expect(body).toContain('### ❌ hook-sync <code>shop</code>: Failed');
    expect(body).toContain('<a href="https://github.example.com/acme/shop/actions/runs/4242">run #4242</a>');
    expect(body).toMatch(
      /<p>❌ <b>PreSync hook Job shop\/schema-migrate-c0ffee1-presync-\d+<\/b> · PreSync · wave 0<br>\n<b>BackoffLimitExceeded<\/b>: Job has reached the specified backoff limit[^<\n]*<br>\nManifest: <code>deploy\/migrate\.yaml:3<\/code><\/p>/,
    );
    expect(body.indexOf('<b>BackoffLimitExceeded</b>')).toBeLessThan(body.indexOf('<details>'));
    expect(body).toContain('<details><summary>Earlier runs</summary>');
    expect(body).toMatch(
      /- ✅ Succeeded · <code>c0ffee1<\/code> · .* — successfully synced 3 resources and 3 hooks in 5 waves/,
    );
    expect(body.length).toBeLessThan(65_536);
    const updates = gh.requests.filter((q) => q.method === 'PATCH');
    expect(updates).toHaveLength(1);
  });

  it('puts why a hook failed in the summary: reason, events, the tail of its logs', () => {
    expect(second.code).toBe(1);
    expect(second.outputs.status).toBe('Failed');
    expect(second.summary).toMatch(
      /Previous run: ✅ Succeeded · sync of <code>c0ffee123456<\/code> · \S+ \S+ UTC · by https:\/\/github\.example\.com\/acme\/shop\/actions\/runs\/4242/,
    );
    expect(first.summary).not.toContain('Previous run');
    expect(second.outputs['failed-task']).toMatch(/^Job\/shop\/schema-migrate-c0ffee1-presync-\d+$/);
    expect(first.outputs['failed-task']).toBe('');
    expect(second.summary).toContain('## ❌ hook-sync: Failed — shop');
    // The reason is in plain sight, before any table and outside any collapsed block.
    expect(second.summary).toMatch(
      /### What failed\n\n<p>❌ <b>PreSync hook Job shop\/schema-migrate-c0ffee1-presync-\d+<\/b> · PreSync · wave 0<br>\n<b>BackoffLimitExceeded<\/b>: Job has reached the specified backoff limit[^<\n]*<br>\nManifest: <code>deploy\/migrate\.yaml:3<\/code><\/p>/,
    );
    expect(second.summary).not.toContain('<details>');
    expect(second.summary.indexOf('### What failed')).toBeLessThan(second.summary.indexOf('| App |'));
    expect(second.summary).toMatch(/<details open><summary>Last \d+ log lines?<\/summary>/);
    expect(second.summary).toContain('ERROR: relation &quot;orders&quot; already exists');
    expect(second.summary).toContain(
      'Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    );
    const annotation = second.stdout
      .split('\n')
      .find((l) => l.startsWith('::error ') && l.includes('schema-migrate'));
    expect(annotation).toMatch(/file=deploy\/migrate\.yaml/);
    expect(annotation).toMatch(/line=3\b/);
    expect(annotation).toMatch(
      /::PreSync hook Job\/schema-migrate-c0ffee1-presync-\d+ Failed in \S+: Job has reached the specified backoff limit; last log line: ERROR: relation "orders" already exists$/,
    );
  });

  it("never writes a Secret's value or a kubeconfig credential, though a hook printed the password", () => {
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(first.stdout).toContain(`::add-mask::${SECRET_VALUE}`);
    for (const r of [first, second]) {
      const written = everythingWritten(r);
      expect(written).toContain('applying migration 0042_add_orders_table as ***');
      expect(written).not.toContain(SECRET_VALUE);
      expect(written).not.toContain(TOKEN);
      expect(written).not.toContain('ghs_fake_token_for_tests');
    }
  });
});

describe('pull requests and permissions', () => {
  it('finds the pull request of a push by its head commit', async () => {
    makeNamespace(t, 'pushed');
    gh.pullsByCommit.set('c0ffee1234567890c0ffee1234567890c0ffee12', [
      { number: 11, head: { sha: 'something-else' } },
      { number: 12, head: { sha: 'c0ffee1234567890c0ffee1234567890c0ffee12' } },
    ]);
    const r = await runAction(
      {
        manifests: 'deploy/config.yaml',
        kubeconfig: t.cluster.kubeconfig(),
        namespace: 'pushed',
        app: 'pushed',
      },
      { GITHUB_EVENT_NAME: 'push', EVENT: '{}' },
    );
    expect(r.code).toBe(0);
    expect(gh.comments.filter((c) => c.body.includes('app=pushed')).map((c) => c.issue)).toEqual([12]);
  });

  it('finds the pull request a push merged (merge commit or squash: its merge_commit_sha)', async () => {
    makeNamespace(t, 'merged');
    gh.pullsByCommit.set('c0ffee1234567890c0ffee1234567890c0ffee12', [
      {
        number: 20,
        head: { sha: 'feature-branch-tip' },
        merge_commit_sha: 'c0ffee1234567890c0ffee1234567890c0ffee12',
      },
    ]);
    const r = await runAction(
      {
        manifests: 'deploy/config.yaml',
        kubeconfig: t.cluster.kubeconfig(),
        namespace: 'merged',
        app: 'merged',
      },
      { GITHUB_EVENT_NAME: 'push', EVENT: '{}' },
    );
    expect(r.code).toBe(0);
    expect(gh.comments.filter((c) => c.body.includes('app=merged')).map((c) => c.issue)).toEqual([20]);
    expect(r.outputs['comment-url']).toMatch(
      /^https:\/\/github\.example\.com\/acme\/shop\/pull\/20#issuecomment-\d+$/,
    );
  });

  it('warns and keeps the result when it may not comment (403)', async () => {
    makeNamespace(t, 'fork');
    gh.forbidden = true;
    try {
      const r = await runAction({
        manifests: 'deploy/config.yaml',
        kubeconfig: t.cluster.kubeconfig(),
        namespace: 'fork',
        app: 'fork',
      });
      expect(r.code).toBe(0);
      expect(r.outputs.status).toBe('Succeeded');
      expect(r.stdout).toContain(
        '::warning::hook-sync could not write the pull request comment: the token may not comment on this pull request',
      );
    } finally {
      gh.forbidden = false;
    }
  });
});

describe('inputs', () => {
  it('accepts a base64-encoded kubeconfig', async () => {
    makeNamespace(t, 'b64');
    const r = await runAction({
      manifests: 'deploy/config.yaml',
      kubeconfig: Buffer.from(t.cluster.kubeconfig()).toString('base64'),
      namespace: 'b64',
      app: 'b64',
      comment: 'false',
    });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('Succeeded');
    expect(t.cluster.object('', 'ConfigMap', 'b64', 'web-config')).toBeDefined();
  });

  it('refuses manifests outside the workspace, applying nothing', async () => {
    const r = await runAction({
      manifests: '../../etc',
      kubeconfig: t.cluster.kubeconfig(),
      comment: 'false',
    });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('Invalid');
    expect(r.stdout).toMatch(/::error::manifest path "\.\.\/\.\.\/etc" is outside the workspace/);
  });

  it('reports invalid manifests as annotations at their file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-action-invalid-'));
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n  annotations:\n    argocd.argoproj.io/sync-wave: "later"\n',
    );
    const r = await runAction(
      { manifests: 'bad.yaml', kubeconfig: t.cluster.kubeconfig(), comment: 'false' },
      {},
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('Invalid');
    expect(r.stdout).toContain(
      '::error file=bad.yaml,line=6::bad.yaml:6: error: ConfigMap bad: argocd.argoproj.io/sync-wave must be an integer, found "later"',
    );
    expect(r.summary).toContain('## ⚠️ hook-sync: Invalid');
    // Each error once in the log: the annotation; the failure line only points at it.
    expect(r.stdout.split('sync-wave must be an integer').length - 1).toBe(1);
    expect(r.stdout).toContain('::error::hook-sync: Invalid: nothing was applied (the errors are above)');
    // Each error once in the summary, as a list item; no task table, no empty cell.
    expect(r.summary.split('sync-wave must be an integer').length).toBe(2);
    expect(r.summary).toContain(
      '<li>bad.yaml:6: error: ConfigMap bad: argocd.argoproj.io/sync-wave must be an integer, found &quot;later&quot;',
    );
    expect(r.summary).not.toContain('| Phase |');
    expect(r.summary).not.toContain('| | |');
  });

  it('shows the plan with operation: plan, without a kubeconfig: the order, in the summary and a comment', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'hook-sync-home-'));
    const r = await runAction(
      { manifests: 'deploy', operation: 'plan', kubeconfig: '', app: 'plan-only' },
      { HOME: home },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.result!).tasks).toHaveLength(7);
    expect(r.stdout).toContain('Plan: sync, revision c0ffee1');
    expect(r.summary).toContain('## 📋 hook-sync plan: plan-only');
    expect(r.summary).toContain('_No cluster was given: the order only, no live diff._');
    expect(r.summary).toMatch(
      /\| PreSync \| 0 \| Job default\/schema-migrate-c0ffee1-presync-\d+ \| hook; deleted: HookSucceeded \| — \|/,
    );
    const comment = gh.comments.find((c) => c.body.startsWith('<!-- hook-sync:plan app=plan-only'));
    expect(comment?.issue).toBe(7);
  });

  it('shows with a kubeconfig what the sync would change in the cluster, field by field, Secret values hidden', async () => {
    makeNamespace(t, 'planned');
    const dir = workspace('app');
    const inputs = {
      manifests: 'deploy',
      kubeconfig: t.cluster.kubeconfig(),
      namespace: 'planned',
      app: 'planned',
    };
    expect((await runAction({ ...inputs, comment: 'false' }, {}, dir)).code).toBe(0);
    const config = path.join(dir, 'deploy', 'config.yaml');
    writeFileSync(
      config,
      readFileSync(config, 'utf8')
        .replace(SECRET_VALUE, 'a-brand-new-password')
        .replace('GREETING: "hello from hook-sync"', 'GREETING: "hello again"'),
    );
    const before = t.cluster.requests.length;
    const r = await runAction({ ...inputs, operation: 'plan' }, {}, dir);
    expect(r.code).toBe(0);
    expect(r.summary).toContain(
      '**In the cluster (context <code>embedded</code>)**: 1 changed · 2 unchanged · 4 hook runs',
    );
    expect(r.summary).toContain(
      '~ data.GREETING: &quot;hello from hook-sync&quot; → &quot;hello again&quot;',
    );
    expect(r.summary).toMatch(/\| Sync \| 0 \| Deployment planned\/web \| resource \| · unchanged \|/);
    const comment = gh.comments.find((c) => c.body.startsWith('<!-- hook-sync:plan app=planned'))!;
    expect(comment.body).toContain('~ data.GREETING');
    for (const text of [everythingWritten(r), comment.body]) {
      expect(text).not.toContain('a-brand-new-password');
      expect(text).not.toContain(SECRET_VALUE);
    }
    // Nothing was written: dry runs only.
    const writes = t.cluster.requests
      .slice(before)
      .filter((q) => q.method !== 'GET' && q.path.includes('/namespaces/planned/'));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((q) => q.path.includes('dryRun=All'))).toBe(true);
    expect((t.cluster.object('', 'ConfigMap', 'planned', 'web-config') as any).data.GREETING).toBe(
      'hello from hook-sync',
    );
  });

  it('uses the kubeconfig a login step left in $KUBECONFIG when the input is empty, masking it the same', async () => {
    makeNamespace(t, 'from-env');
    const r = await runAction(
      { manifests: 'deploy/config.yaml', kubeconfig: '', namespace: 'from-env', comment: 'false' },
      { KUBECONFIG: t.kubeconfigPath, HOME: mkdtempSync(path.join(tmpdir(), 'hook-sync-home-')) },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kubeconfig from $KUBECONFIG (${t.kubeconfigPath})`);
    expect(r.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(t.cluster.object('', 'ConfigMap', 'from-env', 'web-config')).toBeDefined();
  });

  it('refuses a sync with no kubeconfig anywhere, saying where it looked and what to do', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'hook-sync-home-'));
    const r = await runAction({ manifests: 'deploy', kubeconfig: '', comment: 'false' }, { HOME: home });
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('Invalid');
    expect(r.stdout).toContain('no kubeconfig: none was given, $KUBECONFIG is not set');
    expect(r.stdout).toContain('use operation: plan there');
  });
});
