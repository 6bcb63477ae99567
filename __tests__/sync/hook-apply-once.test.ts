// A hook's apply whose answer is lost is never repeated blindly: on a missing object server-side apply is
// a create, and if the first try's Job has finished and been removed (ttlSecondsAfterFinished: 0) by
// then, a repeat runs the migration again. The write's token finds what the first try made.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { NO_FAULTS } from '../../src/embedded-cluster/faults.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { beforeEachRequest, faultPerRequest } from '../helpers/fault-per-request.js';
import { jobYaml, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ seed: 5 });
});
afterAll(() => t.stop());
afterEach(() => t.cluster.faults.set(NO_FAULTS));

const migrate = jobYaml(
  'migrate',
  'echo MIGRATION-RAN',
  { 'argocd.argoproj.io/hook': 'PreSync' },
  '  ttlSecondsAfterFinished: 0\n',
);
const isApply = (method: string, url: string) =>
  method === 'PATCH' && url.includes('/jobs/migrate?') && !url.includes('dryRun');
const jobsCreated = (ns: string) =>
  t.cluster.api.store
    .list('/Event', ns)
    .filter((e) => e.reason === 'SuccessfulCreate' && (e.involvedObject as { kind?: string }).kind === 'Job')
    .length;

describe("a hook's apply whose answer was lost", () => {
  it('is found, not repeated: the migration runs once, with its real outcome', async () => {
    let lost = 0;
    const restore = faultPerRequest(t, (method, url) =>
      isApply(method, url) && lost++ === 0 ? 'lost-response' : undefined,
    );
    try {
      const run = await sync(t, migrate, 'apply-once');
      expect(lost).toBeGreaterThan(0);
      expect(run.result.status).toBe('Succeeded');
      expect(run.task('Job/migrate').status).toBe('Succeeded');
      expect(jobsCreated('apply-once')).toBe(1);
      expect(t.cluster.requests.filter((r) => isApply(r.method, r.path)).length).toBe(1);
    } finally {
      restore();
    }
  });

  it('fails the hook, saying why, when it may have run and gone unseen', async () => {
    const ns = 'apply-unknown';
    let lost = 0;
    // The watch lags from the lost apply on, and the Job it created is removed before hook-sync looks:
    // nothing says what that apply did.
    const restoreFault = faultPerRequest(t, (method, url) => {
      if (!(isApply(method, url) && url.includes(`/namespaces/${ns}/`) && lost++ === 0)) return undefined;
      t.cluster.faults.set({ watchDelayMs: 20_000 });
      return 'lost-response';
    });
    const jobs = t.cluster.api.registry.byKind('batch', 'Job')!;
    const restoreRace = beforeEachRequest(t, (method, url) => {
      const path = `/apis/batch/v1/namespaces/${ns}/jobs/migrate`;
      if (method === 'GET' && url.startsWith(path) && lost > 0 && t.cluster.api.tryGet(jobs, ns, 'migrate')) {
        t.cluster.api.delete(jobs, ns, 'migrate', {});
      }
    });
    try {
      const run = await sync(t, migrate, ns);
      expect(run.result.status).toBe('Failed');
      expect(run.task('Job/migrate').status).toBe('Failed');
      expect(run.task('Job/migrate').message).toContain(
        'it was not applied again, so as not to run it twice',
      );
      expect(t.cluster.requests.filter((r) => isApply(r.method, r.path) && r.path.includes(ns)).length).toBe(
        1,
      );
    } finally {
      restoreRace();
      restoreFault();
    }
  });
});
