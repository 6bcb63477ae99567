/**
 * The API server's behaviour, without HTTP: every write from a client or a simulated controller goes
 * through here, so defaults, validation, immutability, resourceVersion checks, generations, finalizers and
 * managed fields are the same for both.
 */
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  unsupportedMediaType,
} from './api/status-errors.js';
import type { SimClock } from './clock.js';
import { applyCreateDefaults } from './defaults.js';
import type { ObjectStore } from './object-store.js';
import { type Obj } from './object-store.js';
import { applyJsonPatch } from './patch/json-patch.js';
import { applyMergePatch, isPlainObject } from './patch/json-merge-patch.js';
import { describeConflicts, recordUpdate, serverSideApply } from './patch/managed-fields.js';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch.js';
import type { SeededRandom } from './random.js';
import type { ResourceRegistry } from './resource-types.js';
import { apiVersionOf, groupKind, type ResourceType } from './resource-types.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import { checkAgainstSchema, type BodySource } from './schema/body-checks.js';
import { validateObject, validateUpdate } from './validation.js';
import { cloneJson } from './clone.js';

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  /** Strict, Warn or Ignore, as the query parameter says. */
  fieldValidation?: string;
  /** Writes to `/status` change only status; writes to the object keep it. */
  subresource?: 'status';
  /** Server-side apply only. */
  force?: boolean;
  /** Collected `Warning:` header texts. */
  warnings?: string[];
}

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  warnings?: string[];
}

export interface ListOptions {
  labelSelector?: string | null;
  fieldSelector?: string | null;
}

export const PATCH_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
  applyCbor: 'application/apply-patch+cbor',
} as const;

const SYSTEM_MANAGER = 'kube-controller-manager';

export class ClusterApi {
  private nextClusterIP = 10;

  constructor(
    readonly registry: ResourceRegistry,
    readonly store: ObjectStore,
    readonly clock: SimClock,
    readonly random: SeededRandom,
  ) {}

  gk(type: ResourceType): string {
    return groupKind(type.group, type.kind);
  }

  typeFor(apiVersion: string, kind: string): ResourceType | undefined {
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    return this.registry.byKind(group, kind, version) ?? this.registry.byKind(group, kind);
  }

  /** The object with the apiVersion the caller asked through (one stored version serves them all). */
  present(type: ResourceType, obj: Obj): Obj {
    return { ...obj, apiVersion: apiVersionOf(type), kind: type.kind };
  }

  tryGet(type: ResourceType, namespace: string | undefined, name: string): Obj | undefined {
    return this.store.get(this.gk(type), type.namespaced ? namespace : undefined, name);
  }

  get(type: ResourceType, namespace: string | undefined, name: string): Obj {
    const obj = this.tryGet(type, namespace, name);
    if (!obj) throw notFound(type.plural, type.group, name);
    return this.present(type, obj);
  }

  list(type: ResourceType, namespace: string | undefined, options: ListOptions = {}): Obj[] {
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const items = this.store
      .list(this.gk(type), type.namespaced ? namespace : undefined)
      .filter((o) => (!labels || labels(o.metadata.labels ?? {})) && (!fields || fields(o)));
    items.sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    return items.map((o) => this.present(type, o));
  }

  private requireNamespace(type: ResourceType, namespace: string | undefined, name: string): void {
    if (!type.namespaced) return;
    if (!namespace)
      throw badRequest('the server could not find the requested resource: a namespace is required');
    const ns = this.store.get('/Namespace', undefined, namespace);
    if (!ns) throw notFound('namespaces', '', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw forbidden(
        `${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        {
          name,
          kind: type.plural,
          causes: [
            {
              reason: 'NamespaceTerminating',
              message: `namespace ${namespace} is being terminated`,
              field: 'metadata.namespace',
            },
          ],
        },
      );
    }
  }

  private checkBody(
    type: ResourceType,
    body: unknown,
    namespace: string | undefined,
    options: WriteOptions,
    source: BodySource = { via: 'body' },
  ): Obj {
    if (!isPlainObject(body)) throw badRequest('the request body must be a JSON object');
    const obj = cloneJson(body) as Obj;
    if (obj.kind !== undefined && obj.kind !== type.kind) {
      throw badRequest(
        `the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${apiVersionOf(type)}), or kind ${String(obj.kind)} is not ${type.kind}`,
      );
    }
    if (!isPlainObject(obj.metadata)) obj.metadata = {} as Obj['metadata'];
    if (type.namespaced) {
      if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      obj.metadata.namespace = namespace ?? obj.metadata.namespace;
    } else delete obj.metadata.namespace;
    checkAgainstSchema(type, obj, source, options);
    // Go's omitempty: an emptied label or annotation map is not written back (a patch removing the last).
    for (const field of ['labels', 'annotations'] as const) {
      const map = obj.metadata[field];
      if (isPlainObject(map) && Object.keys(map).length === 0) delete obj.metadata[field];
    }
    return obj;
  }

  private manager(options: WriteOptions): string {
    return options.fieldManager || 'unknown';
  }

  /**
   * POST. `applied`: the ownership a server-side apply that creates the object computed, recorded
   * instead of an Update entry of the writer's.
   */
  create(
    type: ResourceType,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions = {},
    applied?: { managedFields: unknown },
  ): Obj {
    const obj = this.checkBody(type, body, namespace, options);
    const meta = obj.metadata;
    if (!meta.name) {
      if (typeof meta.generateName === 'string' && meta.generateName)
        meta.name = meta.generateName + this.random.nameSuffix();
      else
        throw invalid(type.kind, type.group, '', [
          {
            reason: 'FieldValueRequired',
            field: 'metadata.name',
            message: 'Required value: name or generateName is required',
          },
        ]);
    }
    this.requireNamespace(type, meta.namespace, meta.name);
    if (this.tryGet(type, meta.namespace, meta.name)) throw alreadyExists(type.plural, type.group, meta.name);
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.managedFields;
    meta.uid = this.random.uid();
    meta.creationTimestamp = this.clock.timestamp();
    if (type.generation) meta.generation = 1;
    else delete meta.generation;
    if (type.statusSubresource && !options.subresource) delete obj.status;
    applyCreateDefaults(type, obj, {
      random: this.random,
      allocateClusterIP: () => this.allocateClusterIP(),
    });
    const causes = validateObject(type, obj);
    if (causes.length) throw invalid(type.kind, type.group, meta.name, causes);
    if (applied) meta.managedFields = applied.managedFields as Obj['metadata']['managedFields'];
    else
      recordUpdate({
        previous: undefined,
        next: obj,
        manager: this.manager(options),
        typed: type.strategicMerge,
        apiVersion: apiVersionOf(type),
        now: this.clock.timestamp(),
      });
    return this.commit(type, undefined, obj, options);
  }

  /** PUT: replace the object (or its status). */
  update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions = {},
  ): Obj {
    const previous = this.tryGet(type, namespace, name);
    if (!previous) throw notFound(type.plural, type.group, name);
    const incoming = this.checkBody(type, body, namespace, options);
    if (incoming.metadata.name && incoming.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== previous.metadata.resourceVersion) {
      throw conflict(
        type.plural,
        type.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    return this.replace(type, previous, incoming, options);
  }

  /** The shared tail of PUT, PATCH and apply: merge what may change, validate, store. */
  private replace(type: ResourceType, previous: Obj, incoming: Obj, options: WriteOptions): Obj {
    let next: Obj;
    if (options.subresource === 'status') {
      next = { ...cloneJson(previous), status: incoming.status };
    } else {
      next = incoming;
      if (type.statusSubresource) next.status = cloneJson(previous.status);
      const meta = next.metadata;
      const prev = previous.metadata;
      meta.name = prev.name;
      meta.uid = prev.uid;
      meta.creationTimestamp = prev.creationTimestamp;
      if (type.namespaced) meta.namespace = prev.namespace;
      if (prev.deletionTimestamp) {
        meta.deletionTimestamp = prev.deletionTimestamp;
        const added = (meta.finalizers ?? []).filter((f) => !(prev.finalizers ?? []).includes(f));
        if (added.length) {
          throw invalid(type.kind, type.group, prev.name, [
            {
              reason: 'FieldValueForbidden',
              field: 'metadata.finalizers',
              message: 'Forbidden: no new finalizers can be added if the object is being deleted',
            },
          ]);
        }
      } else delete meta.deletionTimestamp;
      if (type.generation) {
        const strip = (o: Obj) => {
          const { metadata: _m, status: _s, ...rest } = o;
          return JSON.stringify(rest);
        };
        meta.generation = (prev.generation ?? 1) + (strip(previous) === strip(next) ? 0 : 1);
      }
      if (type.group === '' && type.kind === 'Secret' && isPlainObject(next.stringData)) {
        next.data = { ...((next.data as Record<string, string>) ?? {}) };
        for (const [k, v] of Object.entries(next.stringData))
          (next.data as Record<string, string>)[k] = Buffer.from(String(v)).toString('base64');
        delete next.stringData;
      }
      const causes = [...validateObject(type, next), ...validateUpdate(type, previous, next)];
      if (causes.length) throw invalid(type.kind, type.group, prev.name, causes);
    }
    delete next.metadata.resourceVersion;
    recordUpdate({
      previous,
      next,
      manager: this.manager(options),
      typed: type.strategicMerge,
      apiVersion: apiVersionOf(type),
      now: this.clock.timestamp(),
      subresource: options.subresource,
    });
    if (
      JSON.stringify({ ...next, metadata: { ...next.metadata, resourceVersion: undefined } }) ===
      JSON.stringify({ ...previous, metadata: { ...previous.metadata, resourceVersion: undefined } })
    ) {
      // A no-op write does not bump resourceVersion, as a real server's does not.
      return this.present(type, previous);
    }
    return this.commit(type, previous, next, options);
  }

  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    contentType: string,
    body: unknown,
    options: WriteOptions = {},
  ): Obj {
    const media = contentType.split(';')[0]!.trim();
    if (media === PATCH_TYPES.apply) return this.apply(type, namespace, name, body, options);
    if (media === PATCH_TYPES.applyCbor) throw unsupportedMediaType(contentType);
    const previous = this.tryGet(type, namespace, name);
    if (!previous) throw notFound(type.plural, type.group, name);
    const current = this.present(type, previous);
    let patched: unknown;
    let source: BodySource = { via: 'merge-patch' };
    switch (media) {
      case PATCH_TYPES.merge:
        patched = applyMergePatch(current, body);
        break;
      case PATCH_TYPES.json:
        patched = applyJsonPatch(current, body);
        break;
      case PATCH_TYPES.strategic:
        if (!type.strategicMerge) throw unsupportedMediaType(contentType);
        patched = applyStrategicMergePatch(current, body);
        source = { via: 'strategic-merge-patch', patch: body };
        break;
      default:
        throw unsupportedMediaType(contentType);
    }
    const incoming = this.checkBody(type, patched, namespace, options, source);
    const rv =
      isPlainObject(body) && isPlainObject(body.metadata) ? body.metadata.resourceVersion : undefined;
    if (typeof rv === 'string' && rv && rv !== previous.metadata.resourceVersion) {
      throw conflict(
        type.plural,
        type.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    if (options.subresource !== 'status' && type.statusSubresource) incoming.status = previous.status;
    return this.replace(type, previous, incoming, options);
  }

  /** Server-side apply: creates when missing, otherwise merges by field ownership. */
  apply(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions = {},
  ): Obj {
    if (!options.fieldManager) {
      throw badRequest(
        'PATCH requests with the apply content type must set fieldManager (for example with ?fieldManager=my-tool)',
      );
    }
    const config = this.checkBody(type, body, namespace, options, { via: 'apply' });
    if (config.metadata.name && config.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${config.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    if (!config.apiVersion || !config.kind)
      throw badRequest('apply requires apiVersion and kind in the body');
    const previous = this.tryGet(type, namespace, name);
    const result = serverSideApply({
      live: previous ? this.present(type, previous) : undefined,
      config,
      manager: options.fieldManager,
      force: options.force ?? false,
      typed: type.strategicMerge,
      apiVersion: apiVersionOf(type),
      now: this.clock.timestamp(),
      subresource: options.subresource,
    });
    if ('conflicts' in result) {
      throw new ApiError(409, 'Conflict', describeConflicts(result.conflicts), {
        causes: result.conflicts.map((c) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}" using ${c.apiVersion}`,
          field: c.field,
        })),
      });
    }
    const merged = result.object as Obj;
    merged.metadata = { ...merged.metadata, name };
    if (!previous) {
      // Created with the ownership apply computed, in one write: one ADDED event, as a real server sends.
      return this.create(
        type,
        namespace,
        { ...merged, metadata: { ...merged.metadata, managedFields: undefined } },
        { ...options, fieldManager: options.fieldManager },
        { managedFields: merged.metadata.managedFields },
      );
    }
    const managed = merged.metadata.managedFields;
    const next = this.replaceKeepingManaged(type, previous, merged, options, managed);
    return next;
  }

  private replaceKeepingManaged(
    type: ResourceType,
    previous: Obj,
    merged: Obj,
    options: WriteOptions,
    managed: unknown,
  ): Obj {
    // Apply has already computed ownership; the shared path must not re-attribute the changes as an Update.
    const result = this.replace(type, previous, merged, { ...options, fieldManager: options.fieldManager });
    const stored = options.dryRun
      ? result
      : this.tryGet(type, previous.metadata.namespace, previous.metadata.name);
    if (!stored) return result;
    const withApply = { ...stored, metadata: { ...stored.metadata, managedFields: managed } } as Obj;
    if (!options.dryRun && stored.metadata.resourceVersion !== previous.metadata.resourceVersion)
      this.store.put(this.gk(type), withApply);
    else if (!options.dryRun && JSON.stringify(previous.metadata.managedFields) !== JSON.stringify(managed)) {
      withApply.metadata.resourceVersion = String(this.store.nextRv());
      this.store.put(this.gk(type), withApply);
    }
    return this.present(type, withApply);
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): { object: Obj; code: 200 | 202 } {
    const existing = this.tryGet(type, namespace, name);
    if (!existing) throw notFound(type.plural, type.group, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== existing.metadata.uid) {
      throw conflict(
        type.plural,
        type.group,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== existing.metadata.resourceVersion) {
      throw conflict(
        type.plural,
        type.group,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion}`,
      );
    }
    let policy = options.propagationPolicy;
    if (!policy && type.group === 'batch' && type.kind === 'Job') {
      policy = 'Orphan';
      options.warnings?.push(
        'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning',
      );
    }
    policy ??= 'Background';
    const next = cloneJson(existing);
    const finalizers = [...(next.metadata.finalizers ?? [])];
    const isNamespace = type.group === '' && type.kind === 'Namespace';
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion'))
      finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const waits = finalizers.length > 0 || isNamespace;
    if (!waits) {
      if (options.dryRun) return { object: this.present(type, existing), code: 200 };
      this.store.remove(this.gk(type), existing.metadata.namespace, name);
      return { object: this.present(type, existing), code: 200 };
    }
    if (
      existing.metadata.deletionTimestamp &&
      JSON.stringify(finalizers) === JSON.stringify(existing.metadata.finalizers ?? [])
    ) {
      return { object: this.present(type, existing), code: 202 };
    }
    next.metadata.finalizers = finalizers;
    next.metadata.deletionTimestamp ??= this.clock.timestamp();
    next.metadata.deletionGracePeriodSeconds = 0;
    if (isNamespace) next.status = { ...((next.status as object) ?? {}), phase: 'Terminating' };
    if (options.dryRun) return { object: this.present(type, next), code: 202 };
    next.metadata.resourceVersion = String(this.store.nextRv());
    this.store.put(this.gk(type), next);
    return { object: this.present(type, next), code: 202 };
  }

  /** Stores a validated object; an object being deleted whose last finalizer went is removed instead. */
  private commit(type: ResourceType, previous: Obj | undefined, next: Obj, options: WriteOptions): Obj {
    if (options.dryRun) {
      return this.present(type, {
        ...next,
        metadata: { ...next.metadata, resourceVersion: previous?.metadata.resourceVersion ?? '' },
      });
    }
    if (
      next.metadata.deletionTimestamp &&
      (next.metadata.finalizers ?? []).length === 0 &&
      !(type.group === '' && type.kind === 'Namespace')
    ) {
      this.store.remove(this.gk(type), next.metadata.namespace, next.metadata.name);
      return this.present(type, next);
    }
    if (next.metadata.finalizers && next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    next.metadata.resourceVersion = String(this.store.nextRv());
    this.store.put(this.gk(type), next);
    return this.present(type, next);
  }

  /** For controllers: remove an object whose deletion has completed (finalizers done). */
  finalize(type: ResourceType, obj: Obj): void {
    this.store.remove(this.gk(type), obj.metadata.namespace, obj.metadata.name);
  }

  /** For controllers: write status with the system's field manager, ignoring races they will retry. */
  writeStatus(type: ResourceType, obj: Obj, status: unknown): Obj | undefined {
    const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
    if (!current || current.metadata.uid !== obj.metadata.uid) return undefined;
    if (JSON.stringify(current.status) === JSON.stringify(status)) return current;
    return this.replace(type, current, { ...cloneJson(current), status } as Obj, {
      subresource: type.statusSubresource ? 'status' : undefined,
      fieldManager: SYSTEM_MANAGER,
    });
  }

  /** For controllers: change an object's metadata or spec with the system's field manager. */
  writeObject(type: ResourceType, obj: Obj): Obj | undefined {
    const current = this.tryGet(type, obj.metadata.namespace, obj.metadata.name);
    if (!current || current.metadata.uid !== obj.metadata.uid) return undefined;
    return this.replace(
      type,
      current,
      cloneJson({
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: undefined },
      }) as unknown as Obj,
      {
        fieldManager: SYSTEM_MANAGER,
      },
    );
  }

  /** The scheduler's binding (`pods/binding`): sets spec.nodeName, which no update may change. */
  bindPod(pod: Obj, nodeName: string): Obj | undefined {
    const type = this.registry.byKind('', 'Pod')!;
    const current = this.tryGet(type, pod.metadata.namespace, pod.metadata.name);
    if (!current || current.metadata.uid !== pod.metadata.uid || current.metadata.deletionTimestamp)
      return undefined;
    const next = cloneJson(current);
    next.spec = { ...(next.spec as Record<string, unknown>), nodeName };
    recordUpdate({
      previous: current,
      next,
      manager: 'kube-scheduler',
      typed: true,
      apiVersion: 'v1',
      now: this.clock.timestamp(),
    });
    return this.commit(type, current, next, {});
  }

  private allocateClusterIP(): string {
    const n = this.nextClusterIP++;
    return `10.96.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }
}
