/**
 * What a delete removes, from the app's inventory: every object but the delete's own hooks, in which
 * order, and which namespace stays because another app has moved into it.
 */
import { clusterErrorDetail } from '../cluster/api-error.js';
import type { ClusterClient } from '../cluster/cluster-client.js';
import type { Plan } from '../plan/sync-task.js';
import { objectKey, type Inventory, type InventoryObject } from './inventory.js';
import { inventoriesIn, inventoryOf } from './inventory-store.js';

/**
 * What a delete removes: everything the inventory holds but the delete's own hooks; last, after the
 * PostDelete hooks, the Namespaces they run in and the one hook-sync created for the app.
 */
export function deletion(
  inventory: Inventory,
  plan: Plan,
  shared: readonly { name: string }[],
): { objects: InventoryObject[]; last: InventoryObject[] } {
  const keep = new Set(shared.map((s) => s.name));
  const own = new Set(plan.tasks.map((t) => objectKey(t)));
  const postDeleteNamespaces = new Set(
    plan.tasks.filter((t) => t.phase === 'PostDelete').map((t) => t.namespace),
  );
  const all = inventory.objects.filter(
    (o) => !own.has(objectKey(o)) && !(o.createdNamespace && keep.has(o.name)),
  );
  const last = all.filter(
    (o) =>
      o.group === '' &&
      o.kind === 'Namespace' &&
      (o.createdNamespace === true || postDeleteNamespaces.has(o.name)),
  );
  return { objects: all.filter((o) => !last.includes(o)), last };
}

/**
 * The namespaces hook-sync created for this app that another app has since put its own inventory in: a
 * delete keeps them (deleting one would take the other app's objects with it).
 */
export async function namespacesSharedWithOtherApps(
  client: ClusterClient,
  inventory: Inventory,
  app: string,
): Promise<{ name: string; why: string }[]> {
  const shared: { name: string; why: string }[] = [];
  for (const o of inventory.objects.filter((x) => x.createdNamespace)) {
    try {
      const other = (await inventoriesIn(client, o.name))
        .map((cm) => inventoryOf(cm, '').app)
        .find((a) => a && a !== app);
      if (other)
        shared.push({
          name: o.name,
          why: `app ${other} also has an inventory in it (delete that app first)`,
        });
    } catch (err) {
      shared.push({
        name: o.name,
        why: `could not check whether another app uses it (${clusterErrorDetail(err)})`,
      });
    }
  }
  return shared;
}
