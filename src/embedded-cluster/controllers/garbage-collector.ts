/**
 * Owner references: dependents of a deleted owner are deleted; an owner deleted in the foreground waits
 * (finalizer `foregroundDeletion`) until its blocking dependents are gone; one deleted with Orphan has its
 * dependents released (finalizer `orphan`).
 */
import type { Obj, StoreEvent } from '../object-store.js';
import { Controller, type ControllerContext } from './controller.js';
import { cloneJson } from '../clone.js';

interface Ref {
  gk: string;
  namespace: string | undefined;
  name: string;
}

export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector';
  /** owner uid → its dependents. */
  private readonly dependents = new Map<string, Map<string, Ref>>();
  /** uid → where that object is, for owners being deleted. */
  private readonly byUid = new Map<string, Ref>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    for (const gk of ctx.api.store.kinds())
      for (const obj of ctx.api.store.list(gk)) this.index(gk, obj, undefined);
  }

  private refKey(r: Ref): string {
    return `${r.gk}|${r.namespace ?? ''}|${r.name}`;
  }

  private index(gk: string, obj: Obj | undefined, previous: Obj | undefined): void {
    const ref = previous ?? obj;
    if (!ref) return;
    const me: Ref = { gk, namespace: ref.metadata.namespace, name: ref.metadata.name };
    for (const o of previous?.metadata.ownerReferences ?? [])
      this.dependents.get(o.uid)?.delete(this.refKey(me));
    if (!obj) {
      this.byUid.delete(ref.metadata.uid);
      return;
    }
    this.byUid.set(obj.metadata.uid, me);
    for (const o of obj.metadata.ownerReferences ?? []) {
      let deps = this.dependents.get(o.uid);
      if (!deps) this.dependents.set(o.uid, (deps = new Map()));
      deps.set(this.refKey(me), me);
    }
  }

  keysFor(e: StoreEvent): string[] {
    this.index(e.gk, e.type === 'DELETED' ? undefined : e.object, e.previous);
    const keys: string[] = [];
    if (e.type === 'DELETED') {
      keys.push(`deleted:${e.object.metadata.uid}`);
      // An owner waiting for this dependent may now finish.
      for (const o of e.object.metadata.ownerReferences ?? []) keys.push(`owner:${o.uid}`);
    } else if (e.object.metadata.deletionTimestamp) keys.push(`owner:${e.object.metadata.uid}`);
    return keys;
  }

  override initialKeys(): string[] {
    const keys: string[] = [];
    for (const [uid] of this.dependents) if (!this.byUid.has(uid)) keys.push(`deleted:${uid}`);
    for (const [uid] of this.byUid) keys.push(`owner:${uid}`);
    return keys;
  }

  private lookup(ref: Ref): Obj | undefined {
    return this.ctx.api.store.get(ref.gk, ref.namespace, ref.name);
  }

  private typeOf(gk: string) {
    const slash = gk.indexOf('/');
    return this.ctx.api.registry.byKind(gk.slice(0, slash), gk.slice(slash + 1));
  }

  reconcile(key: string): void {
    const [what, uid] = key.split(':') as [string, string];
    const api = this.ctx.api;
    if (what === 'deleted') {
      if (this.byUid.has(uid)) return; // recreated with the same uid: not possible, but be safe
      for (const dep of [...(this.dependents.get(uid)?.values() ?? [])]) {
        const obj = this.lookup(dep);
        const type = this.typeOf(dep.gk);
        if (!obj || !type || obj.metadata.deletionTimestamp) continue;
        const remaining = (obj.metadata.ownerReferences ?? []).filter(
          (r) => r.uid !== uid && this.byUid.has(r.uid),
        );
        if (remaining.length) continue; // another owner still holds it
        try {
          api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Background' });
        } catch {
          /* already gone */
        }
      }
      this.dependents.delete(uid);
      return;
    }
    const ref = this.byUid.get(uid);
    const owner = ref && this.lookup(ref);
    const ownerType = ref && this.typeOf(ref.gk);
    if (!owner || !ownerType || !owner.metadata.deletionTimestamp) return;
    const finalizers = owner.metadata.finalizers ?? [];
    const deps = [...(this.dependents.get(uid)?.values() ?? [])]
      .map((d) => ({ d, obj: this.lookup(d) }))
      .filter((x) => x.obj);
    if (finalizers.includes('orphan')) {
      for (const { d, obj } of deps) {
        const type = this.typeOf(d.gk);
        if (!type || !obj) continue;
        const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        api.writeObject(type, {
          ...cloneJson(obj),
          metadata: { ...cloneJson(obj.metadata), ownerReferences: refs.length ? refs : undefined },
        });
      }
      this.removeFinalizer(ownerType, owner, 'orphan');
      return;
    }
    if (finalizers.includes('foregroundDeletion')) {
      let blocking = 0;
      for (const { d, obj } of deps) {
        const type = this.typeOf(d.gk);
        if (!type || !obj) continue;
        const blocks = (obj.metadata.ownerReferences ?? []).some(
          (r) => r.uid === uid && r.blockOwnerDeletion,
        );
        if (blocks) blocking++;
        if (!obj.metadata.deletionTimestamp) {
          try {
            api.delete(type, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: 'Foreground' });
          } catch {
            /* gone */
          }
        }
      }
      if (blocking === 0) this.removeFinalizer(ownerType, owner, 'foregroundDeletion');
    }
  }

  private removeFinalizer(
    type: NonNullable<ReturnType<GarbageCollector['typeOf']>>,
    owner: Obj,
    finalizer: string,
  ): void {
    const current = this.ctx.api.tryGet(type, owner.metadata.namespace, owner.metadata.name);
    if (!current) return;
    const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.ctx.api.writeObject(type, {
      ...cloneJson(current),
      metadata: { ...cloneJson(current.metadata), finalizers },
    });
  }
}
