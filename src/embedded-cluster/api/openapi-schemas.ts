/**
 * OpenAPI v3 component schemas of the built-in kinds, from the same model tables validation uses: what
 * `kubectl explain` reads (field types, `x-kubernetes-group-version-kind` on each kind) and, for lists
 * that merge by key, the patch extensions strategic merge patches are computed with. The models carry no
 * descriptions, so neither do these schemas.
 */
import { listStrategy } from '../patch/list-keys.js';
import type { ResourceType } from '../resource-types.js';
import { fieldsOf, goStructName, rootModel, type SchemaType } from '../schema/model-types.js';

type Schema = Record<string, unknown>;

const META_TYPES = new Set([
  'ObjectMeta',
  'ListMeta',
  'LabelSelector',
  'LabelSelectorRequirement',
  'ManagedFieldsEntry',
  'OwnerReference',
  'Condition',
  'Status',
  'StatusDetails',
  'StatusCause',
]);

const GROUP_PACKAGES: Readonly<Record<string, string>> = {
  '': 'io.k8s.api.core',
  'networking.k8s.io': 'io.k8s.api.networking',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'coordination.k8s.io': 'io.k8s.api.coordination',
  'storage.k8s.io': 'io.k8s.api.storage',
};

function packageOf(group: string): string {
  return GROUP_PACKAGES[group] ?? `io.k8s.api.${group}`;
}

/**
 * A definition name in Kubernetes' style (`io.k8s.api.apps.v1.DeploymentSpec`). The models do not say
 * which package a nested type comes from; types named after the kind go with it, meta types to meta,
 * the rest to core (a name only; nothing depends on the package being the true one).
 */
function definitionName(model: string, root: ResourceType): string {
  const struct = goStructName(model);
  const version = /V(\d+(?:(?:alpha|beta)\d+)?)/.exec(model)?.[1] ?? '1';
  if (META_TYPES.has(struct)) return `io.k8s.apimachinery.pkg.apis.meta.v${version}.${struct}`;
  const own = struct.startsWith(root.kind) || root.group === 'apiextensions.k8s.io';
  return `${packageOf(own ? root.group : '')}.v${version}.${struct}`;
}

function listExtensions(field: string, item: SchemaType): Schema {
  // A sample item tells container ports (containerPort, protocol) from Service ports (port, protocol).
  const sample =
    item.t === 'struct' && item.model === 'V1ContainerPort'
      ? [{ containerPort: 0 }]
      : item.t === 'struct' && item.model === 'V1ServicePort'
        ? [{ port: 0 }]
        : [];
  const strategy = listStrategy(field, sample, true);
  if (strategy.type === 'map')
    return {
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': strategy.keys,
      'x-kubernetes-patch-merge-key': strategy.keys[0],
      'x-kubernetes-patch-strategy': 'merge',
    };
  if (strategy.type === 'set')
    return { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' };
  return { 'x-kubernetes-list-type': 'atomic' };
}

const SCALARS: Readonly<Record<string, Schema>> = {
  string: { type: 'string' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  float64: { type: 'number', format: 'double' },
  bool: { type: 'boolean' },
  bytes: { type: 'string', format: 'byte' },
  time: { type: 'string', format: 'date-time' },
  intOrString: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
  quantity: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
  any: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
};

class SchemaWriter {
  readonly schemas: Record<string, Schema> = {};

  constructor(private readonly root: ResourceType) {}

  private ref(model: string): Schema {
    const name = definitionName(model, this.root);
    if (!(name in this.schemas)) {
      this.schemas[name] = {};
      this.schemas[name] = this.object(model);
    }
    return { allOf: [{ $ref: `#/components/schemas/${name}` }], default: {} };
  }

  private object(model: string): Schema {
    const properties: Record<string, Schema> = {};
    for (const [name, field] of fieldsOf(model) ?? []) properties[name] = this.type(field.type, name);
    return { type: 'object', properties };
  }

  type(type: SchemaType, field: string): Schema {
    switch (type.t) {
      case 'struct':
        return this.ref(type.model);
      case 'array':
        return { type: 'array', items: this.type(type.item, field), ...listExtensions(field, type.item) };
      case 'map':
        return { type: 'object', additionalProperties: this.type(type.value, field) };
      case 'scalar':
        return { ...SCALARS[type.scalar] };
    }
  }

  kind(model: string): void {
    this.ref(model);
    const name = definitionName(model, this.root);
    this.schemas[name] = {
      ...this.schemas[name],
      'x-kubernetes-group-version-kind': [
        { group: this.root.group, version: this.root.version, kind: this.root.kind },
      ],
    };
  }
}

/** The component schemas of a group-version's kinds (custom resources have none here). */
export function componentSchemas(types: readonly ResourceType[]): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const type of types) {
    const model = rootModel(type);
    if (!model) continue;
    const writer = new SchemaWriter(type);
    writer.kind(model);
    for (const [name, schema] of Object.entries(writer.schemas))
      if (!(name in out) || schema['x-kubernetes-group-version-kind']) out[name] = schema;
  }
  return out;
}
