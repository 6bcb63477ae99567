/** HorizontalPodAutoscaler health: degraded when it cannot read its target's scale or its metrics. */
import { degraded, healthy, progressing, type Health } from '../health.js';
import { conditions } from '../object-fields.js';

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

export function horizontalPodAutoscalerHealth(obj: unknown): Health {
  const conds = conditions(obj);
  const bad = conds.find((c) => DEGRADED[c.type]?.includes(c.reason));
  if (bad) return degraded(bad.message || bad.reason, bad.reason);
  const ok = conds.find(
    (c) => (c.type === 'AbleToScale' || c.type === 'ScalingLimited') && c.status === 'True',
  );
  if (ok) return healthy(ok.message);
  return progressing('Waiting to Autoscale');
}
