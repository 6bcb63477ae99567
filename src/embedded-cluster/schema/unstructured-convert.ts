/**
 * What the API server's unstructured converter (runtime.DefaultUnstructuredConverter.FromUnstructured)
 * makes of an object after a strategic merge patch: it stops at the first value it cannot convert
 * (`unrecognized type: int32`, `cannot restore struct from: string`) and, when asked, lists every field
 * the Go types do not have, sorted.
 */
import { base64ErrorOffset, goKind, jsonKind, quantityError } from './go-values.js';
import { fieldsOf, type SchemaType } from './model-types.js';

export interface ConvertResult {
  error?: string;
  unknown: string[];
}

class Stop {
  constructor(readonly message: string) {}
}

const GO_SCALAR: Readonly<Record<string, string>> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  float64: 'float64',
  bool: 'bool',
};

function convertScalar(value: unknown, type: SchemaType & { t: 'scalar' }): void {
  const source = goKind(value);
  switch (type.scalar) {
    case 'any':
      return;
    case 'bytes':
      if (source === 'string') {
        const offset = base64ErrorOffset(value as string);
        if (offset !== undefined)
          throw new Stop(`error decoding from json: illegal base64 data at input byte ${offset}`);
        return;
      }
      throw new Stop(`cannot restore slice from ${source}`);
    case 'time':
      if (source !== 'string')
        throw new Stop(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
      return;
    case 'intOrString':
      if (source === 'string' || source === 'int64') return;
      throw new Stop(
        source === 'float64'
          ? `json: cannot unmarshal number ${String(value)} into Go value of type int32`
          : `json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`,
      );
    case 'quantity': {
      const problem = quantityError(typeof value === 'object' ? JSON.stringify(value) : String(value));
      if (problem) throw new Stop(problem);
      return;
    }
  }
  const target = GO_SCALAR[type.scalar]!;
  if (source === target) return;
  const numeric = (k: string) => k === 'int32' || k === 'int64' || k === 'float64';
  // Go converts between numbers (a float only when whole), and never between numbers, strings and bools.
  if (source === 'int64' && numeric(target)) return;
  if (source === 'float64' && numeric(target) && (target === 'float64' || Number.isInteger(value))) return;
  if (source === 'float64' && numeric(target)) throw new Stop(`cannot convert float64 to ${target}`);
  if (source === 'int64' && target === 'string') throw new Stop('cannot convert int64 to string');
  throw new Stop(`unrecognized type: ${target}`);
}

function convert(value: unknown, type: SchemaType, path: string, unknown: string[]): void {
  if (value === null || value === undefined) return;
  switch (type.t) {
    case 'scalar':
      return convertScalar(value, type);
    case 'array':
      if (!Array.isArray(value)) throw new Stop(`cannot restore slice from ${goKind(value)}`);
      value.forEach((item, i) => convert(item, type.item, `${path}[${i}]`, unknown));
      return;
    case 'map':
      if (goKind(value) !== 'map') throw new Stop(`cannot restore map from ${goKind(value)}`);
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        convert(v, type.value, `${path}.${k}`, unknown);
      return;
    case 'struct': {
      if (goKind(value) !== 'map') throw new Stop(`cannot restore struct from: ${goKind(value)}`);
      const fields = fieldsOf(type.model)!;
      const rec = value as Record<string, unknown>;
      for (const [name, field] of fields) {
        if (name in rec) convert(rec[name], field.type, path ? `${path}.${name}` : name, unknown);
      }
      for (const key of Object.keys(rec)) if (!fields.has(key)) unknown.push(path ? `${path}.${key}` : key);
    }
  }
}

export function convertAs(model: string, obj: unknown): ConvertResult {
  const unknown: string[] = [];
  try {
    convert(obj, { t: 'struct', model }, '', unknown);
  } catch (err) {
    if (err instanceof Stop) return { error: err.message, unknown: [] };
    throw err;
  }
  const messages = unknown.map((p) => `unknown field "${p}"`).sort();
  return { unknown: messages.map((m) => m.slice('unknown field "'.length, -1)) };
}
