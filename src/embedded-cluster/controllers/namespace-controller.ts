/** Deleting a Namespace deletes everything in it, then the Namespace itself. */
import type { StoreEvent } from '../object-store.js';
import { Controller } from './controller.js';

export class NamespaceController extends Controller {
  readonly name = 'namespace-controller';

  keysFor(e: StoreEvent): string[] {
    if (e.gk === '/Namespace' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
      return [`/${e.object.metadata.name}`];
    if (e.type === 'DELETED' && e.object.metadata.namespace) {
      const ns = this.ctx.api.store.get('/Namespace', undefined, e.object.metadata.namespace);
      if (ns?.metadata.deletionTimestamp) return [`/${ns.metadata.name}`];
    }
    return [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store
      .list('/Namespace')
      .filter((n) => n.metadata.deletionTimestamp)
      .map((n) => `/${n.metadata.name}`);
  }

  reconcile(key: string): void {
    const name = key.slice(1);
    const api = this.ctx.api;
    const nsType = api.registry.byKind('', 'Namespace')!;
    const ns = api.tryGet(nsType, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const type of api.registry.all()) {
      if (!type.namespaced) continue;
      for (const obj of api.store.list(api.gk(type), name)) {
        remaining++;
        if (obj.metadata.deletionTimestamp) continue;
        try {
          api.delete(type, name, obj.metadata.name, { propagationPolicy: 'Background' });
        } catch {
          /* gone already */
        }
      }
    }
    // Events are deleted last and do not hold the namespace back once everything else is gone.
    const left = api.registry.all().some((t) => t.namespaced && api.store.list(api.gk(t), name).length > 0);
    if (remaining > 0 && left) return;
    const current = api.tryGet(nsType, undefined, name);
    if (!current) return;
    if ((current.metadata.finalizers ?? []).length === 0) api.finalize(nsType, current);
  }
}
