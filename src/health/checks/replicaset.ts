/** ReplicaSet health: ReplicaFailure makes it Degraded; otherwise it waits for available replicas. */
import { degraded, healthy, progressing, type Health } from '../health.js';
import { condition, num } from '../object-fields.js';

export function replicaSetHealth(obj: unknown): Health {
  if (num(obj, 'metadata.generation', 0) > num(obj, 'status.observedGeneration', 0)) {
    return progressing(
      'Waiting for rollout to finish: observed replica set generation less than desired generation',
    );
  }
  const failure = condition(obj, 'ReplicaFailure');
  if (failure?.status === 'True')
    return degraded(
      failure.message || 'the replica set cannot create its pods',
      failure.reason || 'ReplicaFailure',
    );
  const desired = num(obj, 'spec.replicas', 1);
  const available = num(obj, 'status.availableReplicas');
  if (available < desired)
    return progressing(
      `Waiting for rollout to finish: ${available} out of ${desired} new replicas are available...`,
    );
  return healthy(`${available}/${desired} replicas available`);
}
