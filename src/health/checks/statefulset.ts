/** StatefulSet health: generation observed, replicas ready, the rolling update (with partition) done. */
import { healthy, progressing, type Health } from '../health.js';
import { field, nameOf, num, str } from '../object-fields.js';

export function statefulSetHealth(obj: unknown): Health {
  const name = nameOf(obj);
  const observed = num(obj, 'status.observedGeneration', 0);
  if (observed === 0 || num(obj, 'metadata.generation', 0) > observed) {
    return progressing('Waiting for statefulset spec update to be observed...');
  }
  const desired = num(obj, 'spec.replicas', 1);
  const ready = num(obj, 'status.readyReplicas');
  if (ready < desired) return progressing(`Waiting for ${desired - ready} pods to be ready...`);
  const strategy = str(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
  if (strategy === 'OnDelete')
    return healthy(`statefulset "${name}" uses OnDelete updates: ${ready} pods ready`);
  const partition = field(obj, 'spec.updateStrategy.rollingUpdate.partition');
  if (strategy === 'RollingUpdate' && typeof partition === 'number' && partition > 0) {
    const updated = num(obj, 'status.updatedReplicas');
    const target = desired - partition;
    if (updated < target)
      return progressing(
        `Waiting for partitioned roll out to finish: ${updated} out of ${target} new pods have been updated...`,
      );
    return healthy(`partitioned roll out complete: ${updated} new pods have been updated...`);
  }
  const current = str(obj, 'status.currentRevision');
  const update = str(obj, 'status.updateRevision');
  if (update && current !== update) {
    return progressing(
      `waiting for statefulset rolling update to complete ${num(obj, 'status.updatedReplicas')} pods at revision ${update}...`,
    );
  }
  return healthy(
    `statefulset rolling update complete ${num(obj, 'status.currentReplicas', ready)} pods at revision ${current || update}...`,
  );
}
