import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';

const ARGS = ['--revision', '0123456789abcdef', '--started-at', '1700000000'];

describe('hook-sync plan', () => {
  it('prints the tasks grouped by phase then wave, one line each', async () => {
    const { code, stdout, stderr } = await runCli(['plan', 'examples/app', ...ARGS]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Plan: sync, revision 0123456, namespace default: 7 tasks (4 hooks)');
    const headings = lines.filter((l) => /^\S/.test(l)).slice(1);
    expect(headings).toEqual(['PreSync', 'Sync', 'PostSync', 'SyncFail']);
    expect(lines).toContain('  wave -1');
    const taskLines = lines.filter((l) => l.startsWith('    '));
    expect(taskLines).toHaveLength(7);
    expect(taskLines[1]).toMatch(
      /^ {4}Job\.batch default\/schema-migrate-0123456-presync-1700000000 +hook, delete: HookSucceeded +examples\/app\/migrate\.yaml:2$/,
    );
  });

  it('prints exactly one JSON document with --json, tasks in execution order', async () => {
    const { code, stdout } = await runCli(['plan', 'examples/app', '--json', '--namespace', 'shop', ...ARGS]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['tasks', 'warnings']);
    expect(
      doc.tasks.map((t: { phase: string; kind: string; name: string }) => `${t.phase} ${t.kind}/${t.name}`),
    ).toEqual([
      'PreSync Secret/web-db-credentials',
      'PreSync Job/schema-migrate-0123456-presync-1700000000',
      'Sync ConfigMap/web-config',
      'Sync Service/web',
      'Sync Deployment/web',
      'PostSync Job/smoke-test-0123456-postsync-1700000000',
      'SyncFail Job/notify-failure-0123456-syncfail-1700000000',
    ]);
    expect(doc.tasks[1]).toEqual({
      phase: 'PreSync',
      wave: 0,
      group: 'batch',
      kind: 'Job',
      namespace: 'shop',
      name: 'schema-migrate-0123456-presync-1700000000',
      hook: true,
      deletePolicies: ['HookSucceeded'],
      source: 'examples/app/migrate.yaml:2',
    });
    expect(doc.warnings).toEqual([]);
  });

  it('shows the delete plan with --operation delete', async () => {
    const { stdout } = await runCli(['plan', 'examples/app', '--operation', 'delete', '--json', ...ARGS]);
    expect(JSON.parse(stdout).tasks.map((t: { phase: string }) => t.phase)).toEqual(['PostDelete']);
  });

  it('takes the revision from GITHUB_SHA when none is given', async () => {
    const { stdout } = await runCli(['plan', 'examples/app', '--json', '--started-at', '1'], undefined, {
      GITHUB_SHA: 'feedfacecafebeef',
    });
    expect(JSON.parse(stdout).tasks[1].name).toBe('schema-migrate-feedfac-presync-1');
  });

  it('exits 2 on invalid input with every error on stderr as file:line, and nothing on stdout', async () => {
    const { code, stdout, stderr } = await runCli(['plan', '__tests__/fixtures/invalid', ...ARGS]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      '__tests__/fixtures/invalid/broken.yaml:12: error: Job migrate: argocd.argoproj.io/sync-wave must be an integer, found "first"',
    );
    expect(stderr).toContain(
      '__tests__/fixtures/invalid/broken.yaml:14: error: ConfigMap fine: this object is also defined at __tests__/fixtures/invalid/broken.yaml:1',
    );
    expect(stderr).toMatch(/__tests__\/fixtures\/invalid\/syntax\.yaml:5:\d+: error: invalid YAML/);
    expect(stderr).toContain('hook-sync: 3 errors; nothing was applied');
  });

  it('prints warnings after the plan', async () => {
    const { code, stdout } = await runCli(['plan', '__tests__/fixtures/warnings.yaml', ...ARGS]);
    expect(code).toBe(0);
    const warningsAt = stdout.indexOf('Warnings (3):');
    expect(warningsAt).toBeGreaterThan(stdout.indexOf('ConfigMap default/kept'));
    expect(stdout.slice(warningsAt)).toContain(
      '__tests__/fixtures/warnings.yaml:6: warning: Pod chart-test: Helm "test" hooks are not run during a sync',
    );
    expect(stdout.slice(warningsAt)).toContain(
      '__tests__/fixtures/warnings.yaml:16: warning: Job garbage: unknown hook type "Garbage"',
    );
    expect(stdout.slice(warningsAt)).toContain('so it is neither applied nor pruned');
  });

  it.each([
    [['plan'], 'plan needs at least one path'],
    [['plan', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['plan', 'x', '--operation', 'destroy'], '--operation must be sync or delete'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('exits 2 when a path does not exist', async () => {
    const { code, stderr } = await runCli(['plan', 'no/such/dir']);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file or directory: no/such/dir');
  });
});
