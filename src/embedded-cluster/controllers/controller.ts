/**
 * The shape of a simulated controller: it names the kinds it watches, maps each change to the keys of the
 * objects it must reconcile, and reconciles one key at a time. The manager coalesces work (many events for
 * one key cause one reconcile) and runs it off the request path, as real controllers do.
 */
import type { ClusterApi } from '../cluster-api.js';
import type { SimClock } from '../clock.js';
import type { Obj, StoreEvent } from '../object-store.js';
import type { SeededRandom } from '../random.js';
import type { EventRecorder } from './event-recorder.js';

export interface ControllerContext {
  api: ClusterApi;
  events: EventRecorder;
  clock: SimClock;
  random: SeededRandom;
  /** Reconcile `key` of `controller` again after a simulated delay. */
  requeueAfter(controller: Controller, key: string, simulatedMs: number): void;
}

export abstract class Controller {
  abstract readonly name: string;
  constructor(protected readonly ctx: ControllerContext) {}
  /** Keys (usually `namespace/name` of the primary kind) to reconcile because of this change. */
  abstract keysFor(event: StoreEvent): string[];
  abstract reconcile(key: string): void;
  /** Keys to reconcile at start-up (after a state restore). */
  initialKeys(): string[] {
    return [];
  }
}

/**
 * A controller whose primary objects own pods (Job, ReplicaSet, StatefulSet, DaemonSet): it reconciles an
 * object when it changes and when one of its pods does.
 */
export abstract class PodOwnerController extends Controller {
  /** `group/Kind` of the primary objects. */
  protected abstract readonly primary: string;

  keysFor(e: StoreEvent): string[] {
    if (e.gk === this.primary) return e.type === 'DELETED' ? [] : [keyOf(e.object)];
    if (e.gk === '/Pod') {
      const owner = controllerOf(e.object, this.primary.slice(this.primary.indexOf('/') + 1));
      return owner ? [owner] : [];
    }
    return [];
  }

  override initialKeys(): string[] {
    return this.ctx.api.store.list(this.primary).map(keyOf);
  }
}

export function keyOf(obj: Obj): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  const namespace = key.slice(0, slash);
  return { namespace: namespace || undefined, name: key.slice(slash + 1) };
}

/** The controller owner of an object, if it is of the given kind. */
export function controllerOf(obj: Obj, kind: string): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === kind);
  return ref ? `${obj.metadata.namespace ?? ''}/${ref.name}` : undefined;
}

export function ownedBy(obj: Obj, owner: Obj): boolean {
  return (obj.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid && r.controller);
}

export function ownerReference(owner: Obj, apiVersion: string, kind: string) {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function condition(obj: Obj, type: string): Record<string, unknown> | undefined {
  const conds = ((obj.status as Record<string, unknown> | undefined)?.conditions ?? []) as Record<
    string,
    unknown
  >[];
  return conds.find((c) => c.type === type);
}

export function isTrue(obj: Obj, type: string): boolean {
  return condition(obj, type)?.status === 'True';
}

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function withCondition(
  conditions: readonly Record<string, unknown>[],
  next: { type: string; status: string; reason?: string; message?: string },
  now: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  const existing = conditions.find((c) => c.type === next.type);
  const entry = {
    ...extra,
    type: next.type,
    status: next.status,
    ...(next.reason ? { reason: next.reason } : {}),
    ...(next.message ? { message: next.message } : {}),
    lastTransitionTime: existing && existing.status === next.status ? existing.lastTransitionTime : now,
  };
  if (existing && JSON.stringify({ ...existing }) === JSON.stringify(entry)) return [...conditions];
  return [...conditions.filter((c) => c.type !== next.type), entry];
}

export class ControllerManager {
  private readonly queue = new Map<Controller, Set<string>>();
  private scheduled = false;
  private stopped = false;
  private unsubscribe?: () => void;
  readonly controllers: Controller[] = [];

  constructor(private readonly ctxBase: Omit<ControllerContext, 'requeueAfter'>) {}

  get context(): ControllerContext {
    return {
      ...this.ctxBase,
      requeueAfter: (c, k, ms) => this.ctxBase.clock.after(ms, () => this.enqueue(c, k)),
    };
  }

  add(factory: (ctx: ControllerContext) => Controller): void {
    this.controllers.push(factory(this.context));
  }

  start(): void {
    this.unsubscribe = this.ctxBase.api.store.subscribe((e) => {
      for (const c of this.controllers) for (const k of c.keysFor(e)) this.enqueue(c, k);
    });
    for (const c of this.controllers) for (const k of c.initialKeys()) this.enqueue(c, k);
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
  }

  enqueue(controller: Controller, key: string): void {
    if (this.stopped) return;
    let keys = this.queue.get(controller);
    if (!keys) this.queue.set(controller, (keys = new Set()));
    keys.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  private drain(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const batch = [...this.queue];
    this.queue.clear();
    for (const [controller, keys] of batch) {
      for (const key of keys) {
        try {
          controller.reconcile(key);
        } catch (err) {
          // A conflict or a vanished object: the next event brings the controller back, as in Kubernetes.
          if ((err as { code?: number }).code === undefined)
            console.error(`embedded ${controller.name}:`, err);
          this.ctxBase.clock.after(1000, () => this.enqueue(controller, key));
        }
      }
    }
  }
}
