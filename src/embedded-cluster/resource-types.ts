/**
 * The kinds the embedded cluster serves, with what discovery, routing and the object lifecycle need to
 * know about each. CRDs add to this table at run time.
 */

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  /** URL segment, e.g. `deployments`. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Writes to the main resource keep status; status is written through `/status`. */
  statusSubresource: boolean;
  /** `metadata.generation` is bumped when anything but metadata and status changes. */
  generation: boolean;
  /** Built-in kinds accept strategic merge patches; custom resources answer 415, as a real server does. */
  strategicMerge: boolean;
  /** Set for kinds served because a CRD defines them. */
  fromCrd?: string;
}

export function apiVersionOf(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function groupKind(group: string, kind: string): string {
  return `${group}/${kind}`;
}

type Spec = Partial<ResourceType> & Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural'>;

function t(spec: Spec): ResourceType {
  return {
    singular: spec.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    statusSubresource: false,
    generation: false,
    strategicMerge: true,
    ...spec,
  };
}

const workload = { statusSubresource: true, generation: true, categories: ['all'] };

export const BUILT_IN_TYPES: readonly ResourceType[] = [
  t({
    group: '',
    version: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
    namespaced: false,
    shortNames: ['ns'],
    statusSubresource: true,
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    shortNames: ['cm'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Secret',
    plural: 'secrets',
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'ServiceAccount',
    plural: 'serviceaccounts',
    shortNames: ['sa'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Service',
    plural: 'services',
    shortNames: ['svc'],
    statusSubresource: true,
    categories: ['all'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Endpoints',
    plural: 'endpoints',
    shortNames: ['ep'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Pod',
    plural: 'pods',
    shortNames: ['po'],
    statusSubresource: true,
    categories: ['all'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Event',
    plural: 'events',
    shortNames: ['ev'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    shortNames: ['pvc'],
    statusSubresource: true,
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    namespaced: false,
    shortNames: ['pv'],
    statusSubresource: true,
  }),
  t({
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    plural: 'deployments',
    shortNames: ['deploy'],
    ...workload,
  }),
  t({
    group: 'apps',
    version: 'v1',
    kind: 'ReplicaSet',
    plural: 'replicasets',
    shortNames: ['rs'],
    ...workload,
  }),
  t({
    group: 'apps',
    version: 'v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    shortNames: ['sts'],
    ...workload,
  }),
  t({
    group: 'apps',
    version: 'v1',
    kind: 'DaemonSet',
    plural: 'daemonsets',
    shortNames: ['ds'],
    ...workload,
  }),
  t({
    group: 'apps',
    version: 'v1',
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
  }),
  t({ group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', ...workload }),
  t({ group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', shortNames: ['cj'], ...workload }),
  t({
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'Ingress',
    plural: 'ingresses',
    shortNames: ['ing'],
    statusSubresource: true,
    generation: true,
  }),
  t({
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'IngressClass',
    plural: 'ingressclasses',
    namespaced: false,
  }),
  t({
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    shortNames: ['netpol'],
    generation: true,
  }),
  t({
    group: 'autoscaling',
    version: 'v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    shortNames: ['hpa'],
    statusSubresource: true,
    categories: ['all'],
  }),
  t({
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    shortNames: ['pdb'],
    statusSubresource: true,
    generation: true,
  }),
  t({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'Role',
    plural: 'roles',
  }),
  t({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'RoleBinding',
    plural: 'rolebindings',
  }),
  t({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    namespaced: false,
  }),
  t({
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    kind: 'ClusterRoleBinding',
    plural: 'clusterrolebindings',
    namespaced: false,
  }),
  t({
    group: 'apiextensions.k8s.io',
    version: 'v1',
    kind: 'CustomResourceDefinition',
    plural: 'customresourcedefinitions',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    statusSubresource: true,
    generation: true,
  }),
  t({ group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases' }),
  t({
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    plural: 'storageclasses',
    namespaced: false,
    shortNames: ['sc'],
  }),
  t({
    group: '',
    version: 'v1',
    kind: 'Node',
    plural: 'nodes',
    namespaced: false,
    shortNames: ['no'],
    statusSubresource: true,
  }),
];

/** The lookup table: by group/kind, and by group/version/plural for routing. */
export class ResourceRegistry {
  private readonly byGroupKind = new Map<string, ResourceType[]>();
  private readonly byPath = new Map<string, ResourceType>();

  constructor(types: readonly ResourceType[] = BUILT_IN_TYPES) {
    for (const type of types) this.add(type);
  }

  add(type: ResourceType): void {
    const gk = groupKind(type.group, type.kind);
    const list = (this.byGroupKind.get(gk) ?? []).filter((x) => x.version !== type.version);
    list.push(type);
    this.byGroupKind.set(gk, list);
    this.byPath.set(`${type.group}/${type.version}/${type.plural}`, type);
  }

  removeCrdTypes(crdName: string): ResourceType[] {
    const removed: ResourceType[] = [];
    for (const [key, type] of this.byPath) {
      if (type.fromCrd === crdName) {
        this.byPath.delete(key);
        removed.push(type);
      }
    }
    for (const [gk, list] of this.byGroupKind) {
      const kept = list.filter((x) => x.fromCrd !== crdName);
      if (kept.length) this.byGroupKind.set(gk, kept);
      else this.byGroupKind.delete(gk);
    }
    return removed;
  }

  byResource(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** Any served version of a kind; the preferred (first added) when version is not given. */
  byKind(group: string, kind: string, version?: string): ResourceType | undefined {
    const list = this.byGroupKind.get(groupKind(group, kind));
    if (!list) return undefined;
    return version ? list.find((x) => x.version === version) : list[0];
  }

  all(): ResourceType[] {
    return [...this.byPath.values()];
  }

  /** Group → versions, in the order they were added (the first is preferred). */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const type of this.byPath.values()) {
      const versions = out.get(type.group) ?? [];
      if (!versions.includes(type.version)) versions.push(type.version);
      out.set(type.group, versions);
    }
    return out;
  }
}
