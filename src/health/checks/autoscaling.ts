/**
 * HorizontalPodAutoscaler health: degraded when it cannot read its target's scale or its metrics.
 *
 * As in Argo CD, conditions are read in the order the controller writes them (AbleToScale first) and the
 * first decisive one wins. So an HPA that is able to scale but has no metrics yet is Healthy: right after
 * a sync, metrics for new pods take a minute to appear, and a sync must not fail for that. The missing
 * metrics are still named in the message.
 */
import { degraded, healthy, progressing, unknown, type Health } from '../health.js';
import { conditions, field, str, type Condition } from '../object-fields.js';

const DEGRADED: Readonly<Record<string, readonly string[]>> = {
  AbleToScale: ['FailedGetScale', 'FailedUpdateScale'],
  ScalingActive: [
    'FailedGetResourceMetric',
    'FailedGetContainerResourceMetric',
    'FailedGetObjectMetric',
    'FailedGetPodsMetric',
    'FailedGetExternalMetric',
    'FailedComputeMetricsReplicas',
    'InvalidSelector',
  ],
};

/** autoscaling/v1 has no status.conditions: the controller keeps them, as JSON, in this annotation. */
const V1_CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';

function v1Conditions(obj: unknown): Condition[] {
  // The annotation's name holds dots, so it cannot be part of a field path.
  const annotations = field(obj, 'metadata.annotations');
  const text =
    typeof annotations === 'object' && annotations !== null
      ? (annotations as Record<string, unknown>)[V1_CONDITIONS]
      : undefined;
  if (typeof text !== 'string' || text === '') return [];
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('it is not a JSON array');
  return conditions({ status: { conditions: parsed } });
}

function isDegraded(c: Condition): boolean {
  return DEGRADED[c.type]?.includes(c.reason) ?? false;
}

export function horizontalPodAutoscalerHealth(obj: unknown): Health {
  let conds: Condition[];
  try {
    conds = str(obj, 'apiVersion') === 'autoscaling/v1' ? v1Conditions(obj) : conditions(obj);
  } catch (err) {
    return unknown(`cannot read the ${V1_CONDITIONS} annotation: ${(err as Error).message}`);
  }
  for (const c of conds) {
    if (isDegraded(c)) return degraded(c.message || c.reason, c.reason);
    if ((c.type === 'AbleToScale' || c.type === 'ScalingLimited') && c.status === 'True') {
      const later = conds.find(isDegraded);
      const problem = later ? `${later.reason}: ${later.message || 'no message'}` : '';
      return healthy([c.message, problem].filter(Boolean).join('; '));
    }
  }
  return progressing('Waiting to Autoscale');
}
