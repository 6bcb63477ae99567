/**
 * The inventory in the cluster: a ConfigMap of its own per application, in the application's namespace
 * (`hook-sync-inventory-<app>`, labelled so `status --all` can find every app). Written with the
 * resourceVersion it was read at: a write that lost a race re-reads and merges (objects are only ever
 * added by a merge, never forgotten).
 */
import { KubeApiError } from '../cluster/api-error.js';
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import {
  emptyInventory,
  objectKey,
  type Inventory,
  type AppOrigin,
  type InventoryObject,
  type OperationRecord,
} from './inventory.js';
import { appLabelValue, appObjectName } from './app-names.js';

export const INVENTORY_LABEL = 'hook-sync.io/inventory';
export const APP_LABEL = 'hook-sync.io/app';
/** The pull request the app's last operation came from: `status --all --selector` can filter on it. */
export const PULL_REQUEST_LABEL = 'hook-sync.io/pull-request';

function parse<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The inventory ConfigMap's name for an app. */
export function inventoryName(app: string): string {
  return appObjectName('hook-sync-inventory', app);
}

/** The inventory ConfigMaps in one namespace (whichever apps they belong to). */
export async function inventoriesIn(client: ClusterClient, namespace: string): Promise<Json[]> {
  const { body } = await client.request(
    'GET',
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps`,
    {
      query: { labelSelector: `${INVENTORY_LABEL}=true` },
      idempotent: true,
    },
  );
  return (body.items ?? []) as Json[];
}

/** An inventory ConfigMap's content (also what `status --all` reads from a cluster-wide list). */
export function inventoryOf(cm: Json, fallbackApp: string): Inventory {
  const data = (cm.data ?? {}) as Record<string, string>;
  const origin = parse<AppOrigin | undefined>(data['origin.json'], undefined);
  return {
    app: data.app ?? fallbackApp,
    objects: parse<InventoryObject[]>(data['objects.json'], []),
    history: parse<OperationRecord[]>(data['history.json'], []),
    ...(origin ? { origin } : {}),
  };
}

export class InventoryStore {
  private resourceVersion?: string;
  readonly name: string;

  constructor(
    private readonly client: ClusterClient,
    readonly app: string,
    readonly namespace: string,
  ) {
    this.name = inventoryName(app);
  }

  /** The resourceVersion it was last read or written at (undefined: there is none). */
  get version(): string | undefined {
    return this.resourceVersion;
  }

  private get path(): string {
    return `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/configmaps`;
  }

  async read(): Promise<Inventory> {
    const cm = await this.client.get({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: this.namespace,
      name: this.name,
    });
    this.resourceVersion = cm ? String((cm.metadata as Json).resourceVersion) : undefined;
    if (!cm) return emptyInventory(this.app);
    return inventoryOf(cm, this.app);
  }

  private body(inventory: Inventory): Json {
    const pr = inventory.origin?.pullRequest;
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: {
          'app.kubernetes.io/managed-by': 'hook-sync',
          [INVENTORY_LABEL]: 'true',
          [APP_LABEL]: appLabelValue(this.app),
          ...(pr !== undefined ? { [PULL_REQUEST_LABEL]: String(pr) } : {}),
        },
        ...(this.resourceVersion ? { resourceVersion: this.resourceVersion } : {}),
      },
      data: {
        app: inventory.app,
        'objects.json': JSON.stringify(inventory.objects),
        'history.json': JSON.stringify(inventory.history),
        ...(inventory.origin ? { 'origin.json': JSON.stringify(inventory.origin) } : {}),
      },
    };
  }

  /** Writes it; when someone wrote in between, merges theirs in (no object forgotten) and writes again. */
  async write(inventory: Inventory): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { body } = this.resourceVersion
          ? await this.client.request('PUT', `${this.path}/${encodeURIComponent(this.name)}`, {
              body: this.body(inventory),
              query: { fieldManager: 'hook-sync' },
            })
          : await this.client.request('POST', this.path, {
              body: this.body(inventory),
              query: { fieldManager: 'hook-sync' },
              // A repeat after a lost answer meets 409: read and merge below, as for any race.
              idempotent: true,
            });
        this.resourceVersion = String(((body as Json).metadata as Json).resourceVersion);
        return;
      } catch (err) {
        if (
          !(
            err instanceof KubeApiError &&
            (err.code === 409 || (err.code === 404 && this.resourceVersion))
          ) ||
          attempt >= 3
        )
          throw err;
        const theirs = await this.read();
        const mine = new Map(inventory.objects.map((o) => [objectKey(o), o]));
        for (const o of theirs.objects) if (!mine.has(objectKey(o))) mine.set(objectKey(o), o);
        inventory = { ...inventory, objects: [...mine.values()] };
      }
    }
  }

  async remove(): Promise<void> {
    await this.client.delete({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: this.namespace,
      name: this.name,
    });
    this.resourceVersion = undefined;
  }
}
