/** DaemonSet health: generation observed, every scheduled pod updated and available. */
import { healthy, progressing, type Health } from '../health.js';
import { nameOf, num, str } from '../object-fields.js';

export function daemonSetHealth(obj: unknown): Health {
  const name = nameOf(obj);
  if (num(obj, 'metadata.generation', 0) > num(obj, 'status.observedGeneration', 0)) {
    return progressing(
      'Waiting for rollout to finish: observed daemon set generation less than desired generation',
    );
  }
  if (str(obj, 'spec.updateStrategy.type') === 'OnDelete')
    return healthy(`daemon set "${name}" uses OnDelete updates`);
  const desired = num(obj, 'status.desiredNumberScheduled');
  const updated = num(obj, 'status.updatedNumberScheduled');
  const available = num(obj, 'status.numberAvailable');
  if (updated < desired)
    return progressing(
      `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
    );
  if (available < desired)
    return progressing(
      `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
    );
  return healthy(`daemon set "${name}" successfully rolled out`);
}
