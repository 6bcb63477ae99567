/** A CustomResourceDefinition serves its kind once accepted; deleting it removes the kind and its objects. */
import type { Obj, StoreEvent } from '../object-store.js';
import type { ResourceType } from '../resource-types.js';
import { Controller, withCondition } from './controller.js';
import { cloneJson } from '../clone.js';

export const CRD_ESTABLISH_DELAY_MS = 100;

type Rec = Record<string, unknown>;

export function typesFromCrd(crd: Obj): ResourceType[] {
  const spec = (crd.spec ?? {}) as Rec;
  const names = (spec.names ?? {}) as Rec;
  const versions = ((spec.versions ?? []) as Rec[]).filter((v) => v.served !== false);
  return versions.map((v) => ({
    group: String(spec.group),
    version: String(v.name),
    kind: String(names.kind),
    plural: String(names.plural),
    singular: String(names.singular ?? String(names.kind).toLowerCase()),
    namespaced: spec.scope !== 'Cluster',
    shortNames: ((names.shortNames ?? []) as string[]).map(String),
    categories: ((names.categories ?? []) as string[]).map(String),
    statusSubresource: !!(v.subresources as Rec | undefined)?.status,
    generation: true,
    strategicMerge: false,
    fromCrd: crd.metadata.name,
  }));
}

export class CrdController extends Controller {
  readonly name = 'crd-controller';

  keysFor(e: StoreEvent): string[] {
    if (e.gk !== 'apiextensions.k8s.io/CustomResourceDefinition') return [];
    if (e.type === 'DELETED') {
      this.remove(e.object);
      return [];
    }
    return [`/${e.object.metadata.name}`];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store
      .list('apiextensions.k8s.io/CustomResourceDefinition')
      .map((c) => `/${c.metadata.name}`);
  }

  private remove(crd: Obj): void {
    const api = this.ctx.api;
    for (const t of api.registry.removeCrdTypes(crd.metadata.name)) {
      for (const obj of api.store.list(api.gk(t)))
        api.store.remove(api.gk(t), obj.metadata.namespace, obj.metadata.name);
    }
  }

  reconcile(key: string): void {
    const api = this.ctx.api;
    const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition')!;
    const crd = api.tryGet(type, undefined, key.slice(1));
    if (!crd) return;
    if (crd.metadata.deletionTimestamp) {
      const finalizers = (crd.metadata.finalizers ?? []).filter(
        (f) => f !== 'customresourcecleanup.apiextensions.k8s.io',
      );
      this.remove(crd);
      api.writeObject(type, {
        ...cloneJson(crd),
        metadata: { ...cloneJson(crd.metadata), finalizers },
      });
      return;
    }
    const status = (crd.status ?? {}) as Rec;
    const conds = (status.conditions ?? []) as Rec[];
    const established = conds.some((c) => c.type === 'Established' && c.status === 'True');
    if (established) {
      // After a restart the kinds are served again straight away.
      for (const t of typesFromCrd(crd))
        if (!api.registry.byResource(t.group, t.version, t.plural)) api.registry.add(t);
      return;
    }
    if (conds.some((c) => c.type === 'NamesAccepted' && c.status === 'True')) {
      this.ctx.clock.after(CRD_ESTABLISH_DELAY_MS, () => this.establish(crd.metadata.name));
      return;
    }
    // Names are accepted now; the kind is served and Established after a short delay, as a real server does.
    const now = this.ctx.clock.timestamp();
    let conditions = withCondition(
      conds,
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' },
      now,
    );
    conditions = withCondition(
      conditions,
      {
        type: 'Established',
        status: 'False',
        reason: 'Installing',
        message: 'the initial names have been accepted',
      },
      now,
    );
    const spec = (crd.spec ?? {}) as Rec;
    api.writeStatus(type, crd, {
      conditions,
      acceptedNames: spec.names,
      storedVersions: typesFromCrd(crd)
        .slice(0, 1)
        .map((t) => t.version),
    });
  }

  private establish(name: string): void {
    const api = this.ctx.api;
    const type = api.registry.byKind('apiextensions.k8s.io', 'CustomResourceDefinition')!;
    const crd = api.tryGet(type, undefined, name);
    if (!crd || crd.metadata.deletionTimestamp) return;
    for (const t of typesFromCrd(crd)) api.registry.add(t);
    const status = (crd.status ?? {}) as Rec;
    const conditions = withCondition(
      (status.conditions ?? []) as Rec[],
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
      this.ctx.clock.timestamp(),
    );
    api.writeStatus(type, crd, { ...status, conditions });
  }
}
