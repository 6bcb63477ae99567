// A wave's hook that succeeded opens the gate on its object's verdict; its logs are still recorded in full
// (the last lines read after a cut log stream included) and its delete policy applied, before the result.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { jobYaml, sync } from '../helpers/sync.js';

const LINES = 24;

/** A hook of wave `wave` printing `LINES` numbered lines, a little apart (so a cut stream resumes). */
function hook(wave: number): string {
  const script = Array.from({ length: LINES }, (_, i) => `echo wave-${wave}-line-${i + 1}; sleep 0.2`).join(
    '; ',
  );
  return jobYaml(`gate-${wave}`, script, {
    'argocd.argoproj.io/hook': 'Sync',
    'argocd.argoproj.io/sync-wave': String(wave),
    'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded',
  });
}

describe('waves gated by hooks', () => {
  let t: TestCluster;
  beforeAll(async () => {
    t = await startTestCluster();
  });
  afterAll(() => t.stop());

  it.each([
    ['log streams whole', 0],
    ['log streams cut every 150 ms', 150],
  ])('run one after another, each with all its logs in the result and deleted after (%s)', async (_, cut) => {
    t.cluster.faults.set({ logCutMs: cut });
    const waves = [0, 1, 2, 3];
    const run = await sync(t, waves.map(hook).join(''), `gating-${cut}`);
    t.cluster.faults.set({ logCutMs: 0 });

    expect(run.result.status).toBe('Succeeded');
    const tasks = waves.map((w) => run.task(`Job/gate-${w}`));
    const expected = (w: number) =>
      Array.from({ length: LINES }, (_, i) => `wave-${w}-line-${i + 1}`).slice(-20);
    for (const [w, task] of tasks.entries()) {
      expect(task.status).toBe('Succeeded');
      expect(task.logs).toEqual(expected(w));
      expect(task.logsIncomplete).toBeUndefined();
      expect(task.deleted).toBe(true);
      const left = t.cluster.object('batch', 'Job', `gating-${cut}`, `gate-${w}`);
      expect(left === undefined || !!left.metadata?.deletionTimestamp).toBe(true); // Foreground: going
    }
    // Gated: a wave's hook starts only once the previous wave's hook has been recorded as done.
    for (let w = 1; w < tasks.length; w++)
      expect(Date.parse(tasks[w]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(tasks[w - 1]!.finishedAt!));
    // Every line was passed on live once.
    for (const w of waves)
      for (let i = 1; i <= LINES; i++)
        expect(run.logs.filter((l) => l === `[gate-${w}] wave-${w}-line-${i}`)).toHaveLength(1);
    if (cut) expect(t.cluster.faults.injected['log-cut']).toBeGreaterThan(0);
  });
});
