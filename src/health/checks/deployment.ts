/** Deployment health, as `kubectl rollout status` and Argo CD judge it. */
import { degraded, healthy, progressing, suspended, type Health } from '../health.js';
import { condition, field, nameOf, num } from '../object-fields.js';

export function deploymentHealth(obj: unknown): Health {
  const name = nameOf(obj);
  if (field(obj, 'spec.paused') === true)
    return suspended(`Deployment "${name}" is paused`, 'DeploymentPaused');
  const generation = num(obj, 'metadata.generation', 0);
  const observed = num(obj, 'status.observedGeneration', 0);
  if (generation > observed) {
    return progressing(
      `Waiting for rollout to finish: observed deployment generation ${observed} is less than desired generation ${generation}`,
    );
  }
  const progressingCond = condition(obj, 'Progressing');
  if (progressingCond?.reason === 'ProgressDeadlineExceeded') {
    return degraded(`Deployment "${name}" exceeded its progress deadline`, 'ProgressDeadlineExceeded');
  }
  const desired = num(obj, 'spec.replicas', 1);
  const updated = num(obj, 'status.updatedReplicas');
  const replicas = num(obj, 'status.replicas');
  const available = num(obj, 'status.availableReplicas');
  if (updated < desired) {
    return progressing(
      `Waiting for rollout to finish: ${updated} out of ${desired} new replicas have been updated...`,
    );
  }
  if (replicas > updated) {
    return progressing(
      `Waiting for rollout to finish: ${replicas - updated} old replicas are pending termination...`,
    );
  }
  if (available < updated) {
    return progressing(
      `Waiting for rollout to finish: ${available} of ${updated} updated replicas are available...`,
    );
  }
  return healthy(`Deployment "${name}" successfully rolled out (${available}/${desired} available)`);
}
