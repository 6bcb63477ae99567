/**
 * Inside one phase and wave, kinds are applied in Helm's install order (the order Argo CD uses), so that
 * what a workload needs — its Namespace, ServiceAccount, ConfigMaps — exists before the workload.
 * Kinds not listed (custom resources among them) come after every listed kind.
 */
const INSTALL_ORDER: readonly string[] = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

/** Listed kinds get a negative rank in list order; every other kind ranks 0 and so sorts last. */
export function kindRank(kind: string): number {
  const i = INSTALL_ORDER.indexOf(kind);
  return i < 0 ? 0 : i - INSTALL_ORDER.length;
}
