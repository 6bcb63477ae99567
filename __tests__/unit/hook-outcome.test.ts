import { describe, expect, it } from '@jest/globals';
import { hookOutcome, outcomeFromTraces } from '../../src/health/hook-outcome.js';

const job = (conditions: object[], extra: object = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate' },
  spec: {},
  status: { conditions, ...extra },
});

describe('hook outcome', () => {
  it('a Job succeeds on Complete and fails on Failed, with the reason', () => {
    expect(
      hookOutcome(
        job([
          {
            type: 'Complete',
            status: 'True',
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
          },
        ]),
      ),
    ).toEqual({
      state: 'Succeeded',
      message: 'Reached expected number of succeeded pods',
    });
    expect(
      hookOutcome(
        job([
          {
            type: 'Failed',
            status: 'True',
            reason: 'BackoffLimitExceeded',
            message: 'Job has reached the specified backoff limit',
          },
        ]),
      ),
    ).toEqual({
      state: 'Failed',
      message: 'Job has reached the specified backoff limit',
      reason: 'BackoffLimitExceeded',
    });
    expect(hookOutcome(job([], { active: 1 }))).toEqual({
      state: 'Running',
      message: 'Job running: 0/1 completed, 1 running',
    });
  });

  it("a Pod succeeds or fails by phase, with the container's exit code", () => {
    const pod = (status: object) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { restartPolicy: 'Never' },
      status,
    });
    expect(hookOutcome(pod({ phase: 'Succeeded' })).state).toBe('Succeeded');
    expect(
      hookOutcome(
        pod({
          phase: 'Failed',
          containerStatuses: [{ name: 'main', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
        }),
      ),
    ).toEqual({
      state: 'Failed',
      message: 'container "main" failed with exit code 1',
      reason: 'Error',
    });
    expect(hookOutcome(pod({ phase: 'Running' })).state).toBe('Running');
  });

  it('a Workflow by phase; Unknown fails a hook', () => {
    const wf = (phase: string) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'w' },
      status: { phase },
    });
    expect(hookOutcome(wf('Succeeded')).state).toBe('Succeeded');
    expect(hookOutcome(wf('Failed')).state).toBe('Failed');
    expect(hookOutcome(wf('Running')).state).toBe('Running');
    expect(hookOutcome(wf('Bogus')).state).toBe('Failed');
  });

  it('a kind with a health check waits for Healthy (a PVC until Bound)', () => {
    const pvc = (phase: string) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      status: { phase },
    });
    expect(hookOutcome(pvc('Pending')).state).toBe('Running');
    expect(hookOutcome(pvc('Bound')).state).toBe('Succeeded');
  });

  it('a kind without a health check succeeds once it exists', () => {
    expect(hookOutcome({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'notice' } })).toEqual({
      state: 'Succeeded',
      message: 'ConfigMap/notice created',
    });
  });

  it('a hook being deleted is judged on its real status, not "Pending deletion"', () => {
    const deleting = job([{ type: 'Complete', status: 'True', message: 'done' }]);
    (deleting.metadata as Record<string, unknown>).deletionTimestamp = '2026-11-22T07:00:00Z';
    expect(hookOutcome(deleting)).toEqual({ state: 'Succeeded', message: 'done' });
  });
});

describe('outcomeFromTraces (a hook deleted while its watch was interrupted)', () => {
  const running = { kind: 'Job', metadata: { name: 'm', uid: 'u' }, status: { active: 1 } };
  it('takes the Job’s end from its events, then from its pods, else says nothing', () => {
    expect(outcomeFromTraces(running, [{ reason: 'Completed', message: 'Job completed' }], [])).toMatchObject(
      {
        state: 'Succeeded',
      },
    );
    expect(
      outcomeFromTraces(
        running,
        [{ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }],
        [],
      ),
    ).toMatchObject({ state: 'Failed', reason: 'BackoffLimitExceeded' });
    expect(outcomeFromTraces(running, [], [{ status: { phase: 'Succeeded' } }])).toMatchObject({
      state: 'Succeeded',
    });
    expect(
      outcomeFromTraces(running, [{ reason: 'SuccessfulCreate' }], [{ status: { phase: 'Failed' } }]),
    ).toBeUndefined();
  });
});
