// `npm run demo` is the README's main command: it must work from the bundle on a machine with no cluster.
import { describe, expect, it } from '@jest/globals';
import { runDistCli } from '../helpers/cli.js';

describe('hook-sync demo', () => {
  it('syncs examples/app into the embedded cluster with live hook logs', async () => {
    const r = await runDistCli(['demo', 'examples/app', '--time-scale', '0.05']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[schema-migrate-\w+-presync-\d+\] applying migration 0042_add_orders_table/);
    expect(r.stdout).toMatch(/\[smoke-test-\w+-postsync-\d+\] 200 OK/);
    expect(r.stdout).toContain('Result: Succeeded');
  });

  it('shows a failed migration, its last log line, and the SyncFail hook', async () => {
    const r = await runDistCli(['demo', 'examples/failing-migration', '--time-scale', '0.05']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Result: Failed in \S+ — PreSync hook Job\/schema-migrate-\S+ failed: BackoffLimitExceeded: Job has reached the specified backoff limit; last log line: ERROR: relation "orders" already exists/,
    );
    expect(r.stdout).toMatch(/✓ SyncFail hook Job\/notify-failure-\S+ Succeeded/);
  });
});
