/**
 * What to suggest when the cluster serves no such kind: the apiVersion of a built-in kind written with
 * another one (`apiVersion: v1` on a Deployment), or the built-in kind a misspelt one stands for.
 */
import { nearest } from '../hooks/nearest.js';

const BUILT_IN: Readonly<Record<string, string>> = {
  ConfigMap: 'v1',
  Secret: 'v1',
  Service: 'v1',
  ServiceAccount: 'v1',
  Pod: 'v1',
  Namespace: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  LimitRange: 'v1',
  ResourceQuota: 'v1',
  ReplicationController: 'v1',
  Endpoints: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  StorageClass: 'storage.k8s.io/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
  Lease: 'coordination.k8s.io/v1',
};

/** A fix to suggest for a kind the cluster does not serve in `apiVersion`, or undefined. */
export function kindHint(apiVersion: string, kind: string): string | undefined {
  const served = BUILT_IN[kind];
  if (served && served !== apiVersion) return `${kind} is served as apiVersion ${served}`;
  if (served) return undefined;
  const match = nearest(kind, Object.keys(BUILT_IN));
  return match ? `did you mean kind ${match} (apiVersion ${BUILT_IN[match]})?` : undefined;
}
