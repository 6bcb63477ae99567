/** Discovery documents (`/api`, `/apis`, `/apis/<group>/<version>`) in their classic JSON forms. */
import { apiVersionOf, type ResourceRegistry, type ResourceType } from '../resource-types.js';
import { ACCESS_REVIEW_GROUP, accessReviewResources } from './access-review.js';
import { hasScaleSubresource } from './scale.js';

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-hook-sync',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(name: string, versions: string[]) {
  const gvs = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: gvs, preferredVersion: gvs[0] };
}

/** Served groups: the registry's, and the review group (requests answered, nothing stored). */
function servedGroups(registry: ResourceRegistry): Map<string, string[]> {
  const groups = registry.groups();
  groups.set(ACCESS_REVIEW_GROUP, ['v1']);
  return groups;
}

export function apiGroupList(registry: ResourceRegistry) {
  const groups = [...servedGroups(registry)]
    .filter(([g]) => g !== '')
    .map(([g, versions]) => groupEntry(g, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function apiGroup(registry: ResourceRegistry, group: string) {
  const versions = servedGroups(registry).get(group);
  if (!versions || group === '') return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, versions) };
}

function resourceEntries(t: ResourceType) {
  const entries: Record<string, unknown>[] = [
    {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: VERBS,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length ? { categories: t.categories } : {}),
    },
  ];
  if (t.statusSubresource) {
    entries.push({
      name: `${t.plural}/status`,
      singularName: '',
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (hasScaleSubresource(t)) {
    entries.push({
      name: `${t.plural}/scale`,
      singularName: '',
      namespaced: t.namespaced,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (t.group === '' && t.kind === 'Pod') {
    entries.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
  }
  if (t.group === '' && t.kind === 'Namespace') {
    entries.push({
      name: 'namespaces/finalize',
      singularName: '',
      namespaced: false,
      kind: 'Namespace',
      verbs: ['update'],
    });
  }
  return entries;
}

export function apiResourceList(registry: ResourceRegistry, group: string, version: string) {
  if (group === ACCESS_REVIEW_GROUP && version === 'v1') {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${group}/${version}`,
      resources: accessReviewResources(),
    };
  }
  const types = registry.all().filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  types.sort((a, b) => (a.plural < b.plural ? -1 : 1));
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf({ group, version }),
    resources: types.flatMap(resourceEntries),
  };
}
