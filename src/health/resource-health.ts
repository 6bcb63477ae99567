/**
 * Which check judges which kind, and the rules that apply before any check: an object being deleted is
 * "Pending deletion"; a custom resource whose controller has not observed its latest generation is still
 * Progressing (the stale-status trap behind PostSync hooks firing early).
 */
import { apiServiceHealth, customResourceDefinitionHealth } from './checks/api-extensions.js';
import { workflowHealth } from './checks/argo-workflow.js';
import { horizontalPodAutoscalerHealth } from './checks/autoscaling.js';
import { daemonSetHealth } from './checks/daemonset.js';
import { deploymentHealth } from './checks/deployment.js';
import { jobHealth } from './checks/job.js';
import { ingressHealth, serviceHealth } from './checks/networking.js';
import { podHealth } from './checks/pod.js';
import { replicaSetHealth } from './checks/replicaset.js';
import { statefulSetHealth } from './checks/statefulset.js';
import { persistentVolumeClaimHealth } from './checks/storage.js';
import { progressing, type Health } from './health.js';
import { field, groupOfObject, num, str } from './object-fields.js';

type Check = (obj: unknown) => Health;

const CHECKS: Readonly<Record<string, Check>> = {
  'apps/Deployment': deploymentHealth,
  'apps/StatefulSet': statefulSetHealth,
  'apps/DaemonSet': daemonSetHealth,
  'apps/ReplicaSet': replicaSetHealth,
  '/Pod': podHealth,
  'batch/Job': jobHealth,
  '/Service': serviceHealth,
  'networking.k8s.io/Ingress': ingressHealth,
  'extensions/Ingress': ingressHealth,
  '/PersistentVolumeClaim': persistentVolumeClaimHealth,
  'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerHealth,
  'apiregistration.k8s.io/APIService': apiServiceHealth,
  'apiextensions.k8s.io/CustomResourceDefinition': customResourceDefinitionHealth,
  'argoproj.io/Workflow': workflowHealth,
};

export function hasHealthCheck(group: string, kind: string): boolean {
  return `${group}/${kind}` in CHECKS;
}

export interface AssessOptions {
  /** Judge a hook: its real status counts even while it is being deleted. */
  hook?: boolean;
}

/**
 * The health of a live object, or undefined when its kind has no health check (it counts as healthy once
 * it exists).
 */
export function assessHealth(obj: unknown, options: AssessOptions = {}): Health | undefined {
  const group = groupOfObject(obj);
  const kind = str(obj, 'kind');
  if (field(obj, 'metadata.deletionTimestamp') && !options.hook) return progressing('Pending deletion');
  const check = CHECKS[`${group}/${kind}`];
  if (check) return check(obj);
  const observed = field(obj, 'status.observedGeneration');
  const generation = num(obj, 'metadata.generation', 0);
  if (typeof observed === 'number' && generation > observed) {
    return progressing(
      `waiting for the controller to observe generation ${generation} (it has seen ${observed})`,
    );
  }
  return undefined;
}
