/**
 * Job health from its conditions. A Job that was resumed (Suspended=False) is not "complete": Argo CD gets
 * that wrong and reports it Healthy; we report it running.
 */
import { degraded, healthy, progressing, suspended, type Health } from '../health.js';
import { conditions, num } from '../object-fields.js';

export function jobHealth(obj: unknown): Health {
  const conds = conditions(obj).filter((c) => c.status === 'True');
  const failed = conds.find((c) => c.type === 'Failed') ?? conds.find((c) => c.type === 'FailureTarget');
  if (failed) return degraded(failed.message || `Job failed: ${failed.reason}`, failed.reason || 'Failed');
  const complete =
    conds.find((c) => c.type === 'Complete') ?? conds.find((c) => c.type === 'SuccessCriteriaMet');
  if (complete) return healthy(complete.message || 'Job completed');
  const suspend = conds.find((c) => c.type === 'Suspended');
  if (suspend) return suspended(suspend.message || 'Job suspended', suspend.reason || 'JobSuspended');
  const active = num(obj, 'status.active');
  const succeeded = num(obj, 'status.succeeded');
  const failedPods = num(obj, 'status.failed');
  const completions = num(obj, 'spec.completions', 1);
  const parts = [`${succeeded}/${completions} completed`];
  if (active) parts.push(`${active} running`);
  if (failedPods) parts.push(`${failedPods} failed (backoffLimit ${num(obj, 'spec.backoffLimit', 6)})`);
  return progressing(`Job running: ${parts.join(', ')}`);
}
