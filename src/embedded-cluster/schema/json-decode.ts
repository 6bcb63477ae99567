/**
 * What the API server's JSON decoder (Go's encoding/json as forked in sigs.k8s.io/json) makes of a body
 * aimed at a built-in kind: the first type error, in the decoder's own words
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`), and
 * every field the Go types do not have (`spec.template.spec.containers[0].imagee`), which the decoder
 * drops. Type errors are kept and decoding goes on; errors from the custom decoders of IntOrString,
 * Quantity and Time end it at once, as in Go.
 */
import { base64ErrorOffset, jsonKind, quantityError } from './go-values.js';
import { fieldsOf, goStructName, goTypeName, type SchemaType } from './model-types.js';

export interface DecodeResult {
  /** The decoder's error text, when decoding fails. */
  error?: string;
  /** Paths of fields no Go type has, in document order. */
  unknown: string[];
}

interface Context {
  /** The struct being decoded into, as Go names it. */
  struct: string;
  /** JSON field names from the root, without list indices (Go's UnmarshalTypeError.Field). */
  fields: string[];
  /** The full path, with indices (for unknown fields). */
  path: string;
}

class Fatal {
  constructor(readonly message: string) {}
}

function typeError(value: unknown, type: SchemaType | string, ctx: Context, literal?: string): string {
  const what = literal ?? jsonKind(value);
  const goType = typeof type === 'string' ? type : goTypeName(type);
  return ctx.fields.length
    ? `json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${goType}`
    : `json: cannot unmarshal ${what} into Go value of type ${goType}`;
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] } as const;

class Decoder {
  saved?: string;
  readonly unknown: string[] = [];

  private save(message: string): void {
    this.saved ??= message;
  }

  value(value: unknown, type: SchemaType, ctx: Context): void {
    if (value === null || value === undefined) return;
    switch (type.t) {
      case 'struct':
        return this.struct(value, type, ctx);
      case 'array':
        if (!Array.isArray(value)) return this.save(typeError(value, type, ctx));
        value.forEach((item, i) => this.value(item, type.item, { ...ctx, path: `${ctx.path}[${i}]` }));
        return;
      case 'map':
        if (typeof value !== 'object' || Array.isArray(value)) return this.save(typeError(value, type, ctx));
        for (const [k, v] of Object.entries(value as Record<string, unknown>))
          this.value(v, type.value, { ...ctx, path: `${ctx.path}.${k}` });
        return;
      case 'scalar':
        return this.scalar(value, type, ctx);
    }
  }

  private struct(value: unknown, type: SchemaType & { t: 'struct' }, ctx: Context): void {
    if (typeof value !== 'object' || Array.isArray(value)) return this.save(typeError(value, type, ctx));
    const fields = fieldsOf(type.model)!;
    const struct = goStructName(type.model);
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const path = ctx.path ? `${ctx.path}.${key}` : key;
      const field = fields.get(key);
      if (!field) {
        this.unknown.push(path);
        continue;
      }
      this.value(child, field.type, { struct, fields: [...ctx.fields, key], path });
    }
  }

  private scalar(value: unknown, type: SchemaType & { t: 'scalar' }, ctx: Context): void {
    switch (type.scalar) {
      case 'any':
        return;
      case 'string':
        if (typeof value !== 'string') this.save(typeError(value, type, ctx));
        return;
      case 'bool':
        if (typeof value !== 'boolean') this.save(typeError(value, type, ctx));
        return;
      case 'float64':
        if (typeof value !== 'number') this.save(typeError(value, type, ctx));
        return;
      case 'int32':
      case 'int64': {
        if (typeof value !== 'number') return this.save(typeError(value, type, ctx));
        const [lo, hi] = INT_RANGE[type.scalar];
        if (!Number.isInteger(value) || value < lo || value > hi)
          this.save(typeError(value, type, ctx, `number ${String(value)}`));
        return;
      }
      case 'bytes': {
        if (Array.isArray(value)) return;
        if (typeof value !== 'string') return this.save(typeError(value, type, ctx));
        const offset = base64ErrorOffset(value);
        if (offset !== undefined) this.save(`illegal base64 data at input byte ${offset}`);
        return;
      }
      case 'time':
        // metav1.Time decodes its text with a nested decoder; the outer one adds the field's context.
        if (typeof value !== 'string') throw new Fatal(typeError(value, 'string', ctx));
        return;
      case 'intOrString':
        if (typeof value === 'string') return;
        if (typeof value !== 'number') throw new Fatal(typeError(value, 'int32', ctx));
        if (!Number.isInteger(value) || Math.abs(value) > 2 ** 31)
          throw new Fatal(typeError(value, 'int32', ctx, `number ${String(value)}`));
        return;
      case 'quantity': {
        const text =
          typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
        const problem = quantityError(text);
        if (problem) throw new Fatal(problem);
        return;
      }
    }
  }
}

/** Decodes `body` into the model's Go type as the API server does, without changing it. */
export function decodeAs(model: string, body: unknown): DecodeResult {
  const decoder = new Decoder();
  try {
    decoder.value(body, { t: 'struct', model }, { struct: goStructName(model), fields: [], path: '' });
  } catch (err) {
    if (!(err instanceof Fatal)) throw err;
    return { error: err.message, unknown: decoder.unknown };
  }
  return { error: decoder.saved, unknown: decoder.unknown };
}

/** Removes, in place, every field the model's Go types do not have: what decoding leaves out. */
export function dropUnknownFields(model: string, body: unknown): void {
  prune(body, { t: 'struct', model });
}

function prune(value: unknown, type: SchemaType): void {
  if (value === null || typeof value !== 'object') return;
  if (type.t === 'array') {
    if (Array.isArray(value)) for (const item of value) prune(item, type.item);
  } else if (type.t === 'map') {
    if (!Array.isArray(value)) for (const v of Object.values(value)) prune(v, type.value);
  } else if (type.t === 'struct' && !Array.isArray(value)) {
    const fields = fieldsOf(type.model)!;
    const rec = value as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      const field = fields.get(key);
      if (!field) delete rec[key];
      else prune(rec[key], field.type);
    }
  }
}
