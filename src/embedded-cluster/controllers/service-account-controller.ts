/** Every namespace gets a `default` ServiceAccount, as the real service-account controller ensures. */
import type { StoreEvent } from '../object-store.js';
import { Controller } from './controller.js';

export class ServiceAccountController extends Controller {
  readonly name = 'serviceaccount-controller';

  keysFor(e: StoreEvent): string[] {
    if (e.gk === '/Namespace' && e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp)
      return [e.object.metadata.name];
    if (e.gk === '/ServiceAccount' && e.type === 'DELETED' && e.object.metadata.name === 'default')
      return [e.object.metadata.namespace ?? ''];
    return [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list('/Namespace').map((n) => n.metadata.name);
  }

  reconcile(namespace: string): void {
    const api = this.ctx.api;
    const ns = api.store.get('/Namespace', undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const saType = api.registry.byKind('', 'ServiceAccount')!;
    if (api.tryGet(saType, namespace, 'default')) return;
    try {
      api.create(
        saType,
        namespace,
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } },
        { fieldManager: 'kube-controller-manager' },
      );
    } catch {
      /* raced */
    }
  }
}
