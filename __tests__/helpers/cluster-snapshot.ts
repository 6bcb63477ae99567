import type { EmbeddedCluster } from '../../src/embedded-cluster/embedded-cluster.js';

/**
 * Every object the embedded cluster stores, as `group/Kind namespace/name@resourceVersion`, sorted: two
 * snapshots are equal exactly when nothing was created, changed or deleted in between (hook-sync's own
 * Lease and inventory included).
 */
export function clusterSnapshot(cluster: EmbeddedCluster): string[] {
  return cluster.store
    .snapshot()
    .objects.map(
      ({ gk, object: { metadata } }) =>
        `${gk.replace(/^\//, '')} ${metadata.namespace ?? ''}/${metadata.name}@${metadata.resourceVersion}`,
    )
    .sort();
}

/**
 * A namespace made for a test, once the cluster has finished reacting to it (its `default`
 * ServiceAccount exists): a snapshot taken after this stays still until someone writes.
 */
export async function quietNamespace(cluster: EmbeddedCluster, name: string): Promise<void> {
  const type = cluster.api.registry.byKind('', 'Namespace')!;
  if (!cluster.api.tryGet(type, undefined, name))
    cluster.api.create(type, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  await cluster.waitFor(
    () => cluster.object('', 'ServiceAccount', name, 'default'),
    `${name}'s ServiceAccount`,
  );
}
