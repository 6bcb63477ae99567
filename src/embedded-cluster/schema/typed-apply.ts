/**
 * Server-side apply's own check of an applied configuration (structured-merge-diff turning it into a
 * typed value): every type mismatch, every field the schema does not declare (the first of each object),
 * keyed list items without their key and duplicated keys, in its wording
 * (`.spec.replicas: expected numeric (int or float), got string`). The API server wraps them in
 * `failed to create typed patch object (…)` and answers 500, whatever fieldValidation says.
 */
import { listStrategy, keyValues } from '../patch/list-keys.js';
import { goPrint, goValueUnstructured } from './go-values.js';
import { fieldsOf, type SchemaType } from './model-types.js';

function goUnstructuredType(value: unknown): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'object' && value !== null) return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

/** `&{three}`: Go's `%v` of the value wrapper structured-merge-diff holds. */
function wrapped(value: unknown): string {
  return `&{${goPrint(value)}}`;
}

function keyText(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : goPrint(value);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarErrors(value: unknown, type: SchemaType & { t: 'scalar' }, path: string): string[] {
  switch (type.scalar) {
    case 'any':
      return [];
    case 'intOrString':
    case 'quantity':
      return isMap(value) || Array.isArray(value)
        ? [`${path}: expected any scalar, got ${wrapped(value)}`]
        : [];
    case 'bool':
      return typeof value === 'boolean' ? [] : [`${path}: expected boolean, got ${wrapped(value)}`];
    case 'int32':
    case 'int64':
    case 'float64':
      return typeof value === 'number'
        ? []
        : [`${path}: expected numeric (int or float), got ${goUnstructuredType(value)}`];
    default:
      return typeof value === 'string' ? [] : [`${path}: expected string, got ${goValueUnstructured(value)}`];
  }
}

function listErrors(field: string, value: unknown[], item: SchemaType, path: string): string[] {
  const strategy = listStrategy(field, value, true);
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const [i, child] of value.entries()) {
    let element = `[${i}]`;
    if (strategy.type === 'map') {
      if (!isMap(child)) {
        errors.push(`${path}: element ${i}: associative list with keys may not have non-map elements`);
        return errors;
      }
      const keys = keyValues(child, strategy.keys);
      if (!keys) {
        errors.push(
          `${path}: element ${i}: associative list with keys has an element that omits key field "${strategy.keys[0]}" (and doesn't have default value)`,
        );
        return errors;
      }
      element = `[${Object.keys(keys)
        .sort()
        .map((k) => `${k}=${keyText(keys[k])}`)
        .join(',')}]`;
    } else if (strategy.type === 'set') element = `[=${keyText(child)}]`;
    if (strategy.type !== 'atomic') {
      if (seen.has(element)) errors.push(`${path}: duplicate entries for key ${element}`);
      seen.add(element);
    }
    errors.push(...valueErrors(child, item, `${path}${element}`, field));
  }
  return errors;
}

function valueErrors(value: unknown, type: SchemaType, path: string, field: string): string[] {
  if (value === null || value === undefined) return [];
  switch (type.t) {
    case 'scalar':
      return scalarErrors(value, type, path);
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected list, got ${wrapped(value)}`];
      return listErrors(field, value, type.item, path);
    case 'map':
      if (!isMap(value)) return [`${path}: expected map, got ${wrapped(value)}`];
      return Object.entries(value).flatMap(([k, v]) => valueErrors(v, type.value, `${path}.${k}`, k));
    case 'struct': {
      if (!isMap(value)) return [`${path}: expected map, got ${wrapped(value)}`];
      const fields = fieldsOf(type.model)!;
      const errors: string[] = [];
      for (const [k, v] of Object.entries(value)) {
        const f = fields.get(k);
        if (!f) {
          // structured-merge-diff stops walking an object at its first undeclared field.
          errors.push(`${path}.${k}: field not declared in schema`);
          break;
        }
        errors.push(...valueErrors(v, f.type, `${path}.${k}`, k));
      }
      return errors;
    }
  }
}

/** The errors, one per line as structured-merge-diff joins them, or undefined when the value is typed. */
export function typedApplyErrors(model: string, config: unknown): string | undefined {
  const errors = valueErrors(config, { t: 'struct', model }, '', '');
  if (errors.length === 0) return undefined;
  return errors.length === 1 ? errors[0] : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
}
