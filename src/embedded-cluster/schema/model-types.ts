/**
 * Field types of the built-in kinds, derived from @kubernetes/client-node's generated models (each model
 * class lists its fields in `attributeTypeMap`: JSON name, TypeScript type, OpenAPI format). Nothing is
 * written by hand except what the models cannot say: which strings are resource quantities. A model's
 * table is built the first time an object reaches it, then kept.
 */
import * as models from '@kubernetes/client-node';
import type { ResourceType } from '../resource-types.js';

export type Scalar =
  | 'string'
  | 'int32'
  | 'int64'
  | 'float64'
  | 'bool'
  /** `[]byte`, base64 in JSON. */
  | 'bytes'
  /** metav1.Time: an RFC 3339 string. */
  | 'time'
  | 'intOrString'
  /** resource.Quantity: a string or a number. */
  | 'quantity'
  /** RawExtension, JSON, free-form objects: anything. */
  | 'any';

export type SchemaType =
  | { t: 'struct'; model: string }
  | { t: 'array'; item: SchemaType }
  | { t: 'map'; value: SchemaType }
  | { t: 'scalar'; scalar: Scalar };

export interface Field {
  /** The JSON name. */
  name: string;
  type: SchemaType;
}

interface Attribute {
  baseName: string;
  type: string;
  format: string;
}

interface ModelClass {
  getAttributeTypeMap?: () => Attribute[];
}

/**
 * Fields the models type as strings that are resource.Quantity in the API (they accept numbers too).
 * Keyed by model name; the value lists the fields (a map of quantities or a single one).
 */
const QUANTITY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  V1ResourceRequirements: ['limits', 'requests'],
  V1VolumeResourceRequirements: ['limits', 'requests'],
  V1EmptyDirVolumeSource: ['sizeLimit'],
  V1PersistentVolumeClaimStatus: ['capacity', 'allocatedResources'],
  V1PersistentVolumeSpec: ['capacity'],
  V1PodSpec: ['overhead'],
  V1NodeStatus: ['capacity', 'allocatable'],
  V1ContainerStatus: ['allocatedResources'],
  V1ResourceFieldSelector: ['divisor'],
  V1ResourceQuotaSpec: ['hard'],
  V1ResourceQuotaStatus: ['hard', 'used'],
  V1LimitRangeItem: ['default', 'defaultRequest', 'max', 'maxLimitRequestRatio', 'min'],
  V2MetricTarget: ['averageValue', 'value'],
  V2MetricValueStatus: ['averageValue', 'value'],
};

/** Models whose class name is not `V<version><Kind>`. */
const ROOT_MODEL_EXCEPTIONS: Readonly<Record<string, string>> = {
  '/v1/Event': 'CoreV1Event',
};

const registry = models as unknown as Record<string, ModelClass | undefined>;
const fieldCache = new Map<string, ReadonlyMap<string, Field> | undefined>();

function parseType(model: string, attr: Attribute): SchemaType {
  const { type, format } = attr;
  const quantity = QUANTITY_FIELDS[model]?.includes(attr.baseName);
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { t: 'array', item: parseType(model, { ...attr, type: array[1]! }) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { t: 'map', value: parseType(model, { ...attr, type: map[1]! }) };
  switch (type) {
    case 'string':
      if (quantity) return { t: 'scalar', scalar: 'quantity' };
      return { t: 'scalar', scalar: format === 'byte' ? 'bytes' : 'string' };
    case 'number':
      return {
        t: 'scalar',
        scalar: format === 'int32' ? 'int32' : format === 'int64' ? 'int64' : 'float64',
      };
    case 'boolean':
      return { t: 'scalar', scalar: 'bool' };
    case 'Date':
      return { t: 'scalar', scalar: 'time' };
    case 'IntOrString':
      return { t: 'scalar', scalar: 'intOrString' };
    case 'any':
    case 'object':
      return { t: 'scalar', scalar: 'any' };
    default:
      return registry[type]?.getAttributeTypeMap
        ? { t: 'struct', model: type }
        : { t: 'scalar', scalar: 'any' };
  }
}

/** The fields of a model by JSON name, in the models' order; undefined for a name that is not a model. */
export function fieldsOf(model: string): ReadonlyMap<string, Field> | undefined {
  if (fieldCache.has(model)) return fieldCache.get(model);
  const attributes = registry[model]?.getAttributeTypeMap?.();
  const fields = attributes
    ? new Map(attributes.map((a) => [a.baseName, { name: a.baseName, type: parseType(model, a) }]))
    : undefined;
  fieldCache.set(model, fields);
  return fields;
}

/** The model of a built-in kind (`V1Deployment`), or undefined for custom resources and unknown kinds. */
export function rootModel(
  type: Pick<ResourceType, 'group' | 'version' | 'kind' | 'fromCrd'>,
): string | undefined {
  if (type.fromCrd) return undefined;
  const exception = ROOT_MODEL_EXCEPTIONS[`${type.group}/${type.version}/${type.kind}`];
  const version = type.version.charAt(0).toUpperCase() + type.version.slice(1);
  const name = exception ?? `${version}${type.kind}`;
  return fieldsOf(name) ? name : undefined;
}

/** The Go type name the API server's errors use: `DeploymentSpec` for `V1DeploymentSpec`. */
export function goStructName(model: string): string {
  return model.replace(/^[A-Z][a-z]*?(?=V\d)/, '').replace(/^V\d+((alpha|beta)\d+)?/, '');
}

/** `v1` for `V1DeploymentSpec`, `v2` for `V2MetricSpec`: the Go package a type lives in. */
function goPackage(model: string): string {
  const m = /V(\d+)((alpha|beta)\d+)?/.exec(model);
  return m ? `v${m[1]}${m[2] ?? ''}` : 'v1';
}

/** A type as Go prints it in `json: cannot unmarshal … of type …` (pointers are dereferenced there). */
export function goTypeName(type: SchemaType): string {
  switch (type.t) {
    case 'struct':
      return `${goPackage(type.model)}.${goStructName(type.model)}`;
    case 'array':
      return `[]${goTypeName(type.item)}`;
    case 'map':
      return `map[string]${goTypeName(type.value)}`;
    case 'scalar':
      switch (type.scalar) {
        case 'bool':
          return 'bool';
        case 'bytes':
          return '[]uint8';
        case 'time':
          return 'v1.Time';
        case 'intOrString':
          return 'intstr.IntOrString';
        case 'quantity':
          return 'resource.Quantity';
        case 'any':
          return 'interface {}';
        default:
          return type.scalar;
      }
  }
}
