// The README's nightly cleanup recipe, run as written (its `run:` script, taken from the README) against the
// embedded cluster: `npx` runs the bundled CLI, `gh` answers each PR's state. Previews of closed PRs and stale
// ones go; an open, recent one and another repository's stay.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { InventoryStore } from '../../src/lifecycle/inventory-store.js';
import { ROOT } from '../helpers/cli.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clientFor } from '../helpers/sync.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cleanup-recipe-'));
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

/** The `run: |` block of the step "Delete closed or stale previews", dedented. */
function recipeScript(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const step = readme.slice(readme.indexOf('- name: Delete closed or stale previews'));
  const lines = step.slice(step.indexOf('run: |') + 'run: |'.length + 1).split('\n');
  const body: string[] = [];
  for (const line of lines) {
    if (line.startsWith('```')) break;
    body.push(line);
  }
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return body.map((l) => l.slice(indent)).join('\n');
}

async function preview(pr: number, repository: string, ageDays: number) {
  const app = `${repository.split('/')[1]}-pr-${pr}`;
  writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n');
  const io = { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir };
  const argv = ['sync', 'app.yaml', '--app', app, '--namespace', app, '--create-namespace'];
  expect(await main([...argv, '--kubeconfig', t.kubeconfigPath], io)).toBe(0);
  // What the action records for a pull request's run, aged as the test needs.
  const store = new InventoryStore(clientFor(t), app, app);
  const inventory = await store.read();
  const at = new Date(Date.now() - ageDays * 86400_000).toISOString();
  await store.write({
    ...inventory,
    history: inventory.history.map((h) => ({ ...h, startedAt: at, finishedAt: at })),
    origin: { repository, pullRequest: pr },
  });
  return app;
}

function run(script: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-e', '-c', script],
      { cwd: dir, env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('the nightly cleanup recipe', () => {
  it('deletes the previews of closed PRs and stale ones, of this repository only', async () => {
    const open = await preview(1, 'acme/shop', 1);
    const closed = await preview(2, 'acme/shop', 1);
    const stale = await preview(3, 'acme/shop', 10);
    const elsewhere = await preview(4, 'acme/other', 30);

    const bin = mkdtempSync(path.join(tmpdir(), 'hook-sync-cleanup-bin-'));
    // npx --yes github:org/hook-sync#v1 ARGS → the bundled CLI; gh pr view N … → that PR's state.
    writeFileSync(
      path.join(bin, 'npx'),
      `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${ROOT}/dist/cli.js" "$@"\n`,
    );
    writeFileSync(
      path.join(bin, 'gh'),
      '#!/bin/sh\ncase "$3" in 1|3) echo OPEN ;; 2) echo CLOSED ;; *) echo "unexpected PR $3" >&2; exit 1 ;; esac\n',
    );
    chmodSync(path.join(bin, 'npx'), 0o755);
    chmodSync(path.join(bin, 'gh'), 0o755);
    const r = await run(recipeScript(), {
      PATH: `${bin}:${process.env.PATH}`,
      RUNNER_TEMP: dir,
      KUBECONFIG_DATA: readFileSync(t.kubeconfigPath, 'utf8'),
      GH_TOKEN: 'unused',
      GITHUB_REPOSITORY: 'acme/shop',
      MAX_AGE_DAYS: '7',
    });
    expect(r.out).toContain(`deleting ${closed} (PR #2: CLOSED`);
    expect(r.out).toContain(`deleting ${stale} (PR #3: OPEN, last operation 10 days ago)`);
    expect(r.out).not.toContain(`deleting ${open}`);
    expect(r.out).not.toContain('::warning::');
    expect(r.code).toBe(0);
    const namespace = (name: string) => t.cluster.object('', 'Namespace', undefined, name);
    await t.cluster.waitFor(() => !namespace(closed) && !namespace(stale));
    expect(namespace(open)).toBeDefined();
    expect(namespace(elsewhere)).toBeDefined();
  });
});
