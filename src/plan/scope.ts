/**
 * Which kinds live outside namespaces. The plan must know this before any cluster is reachable (to default
 * namespaces and to spot duplicates); the cluster client's discovery has the last word at sync time.
 */
import { isRecord, type KubeObject } from '../manifests/kube-object.js';

const CLUSTER_SCOPED = new Set([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'networking.k8s.io/IngressClass',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'policy/PodSecurityPolicy',
  'certificates.k8s.io/CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);

export class ScopeTable {
  private readonly clusterScoped = new Set(CLUSTER_SCOPED);

  /** Custom resources defined by CRDs in the same manifests take their scope from the CRD. */
  learnFromCrds(objects: readonly KubeObject[]): void {
    for (const obj of objects) {
      if (obj.kind !== 'CustomResourceDefinition' || !isRecord(obj.spec)) continue;
      const { group, names, scope } = obj.spec;
      if (
        typeof group === 'string' &&
        isRecord(names) &&
        typeof names.kind === 'string' &&
        scope === 'Cluster'
      ) {
        this.clusterScoped.add(`${group}/${names.kind}`);
      }
    }
  }

  isClusterScoped(group: string, kind: string): boolean {
    return this.clusterScoped.has(`${group}/${kind}`);
  }
}
