/**
 * JSON objects to protobuf bytes, for clients that accept only protobuf. Every JSON field must have a
 * protobuf field: the emulator keeps fields a real server would prune, and dropping one silently would
 * hand the client a different object than a JSON client gets, so an unknown one is an error naming it.
 */
import { MAGIC, MAX_DEPTH } from './decode.js';
import { ProtobufError } from './errors.js';
import { kubernetesSchema, SCALAR_TYPES, type FieldSchema, type MessageSchema } from './schema.js';
import { WELL_KNOWN } from './well-known.js';
import { ProtoWriter } from './wire.js';

/** The magic, then a runtime.Unknown naming the object's kind and carrying its message. */
export function encodeObject(object: Record<string, unknown>): Uint8Array {
  const { apiVersion, kind, ...body } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string')
    throw new ProtobufError(
      'unknown-kind',
      'an object without apiVersion and kind cannot be sent as protobuf',
    );
  const message = kubernetesSchema().messageOfKind(apiVersion, kind);
  if (!message)
    throw new ProtobufError(
      'unknown-kind',
      `the server has no protobuf form for ${apiVersion}, Kind=${kind}`,
    );
  const envelope = new ProtoWriter();
  const typeMeta = new ProtoWriter();
  typeMeta.stringField(1, apiVersion);
  typeMeta.stringField(2, kind);
  envelope.bytesField(1, typeMeta.finish());
  envelope.bytesField(2, encodeMessage(message, body, kind));
  // contentEncoding and contentType stay empty: the raw bytes are this same protobuf, unencoded.
  envelope.stringField(3, '');
  envelope.stringField(4, '');
  return Buffer.concat([MAGIC, envelope.finish()]);
}

export function encodeMessage(name: string, value: unknown, where: string, depth = 0): Uint8Array {
  if (depth > MAX_DEPTH)
    throw new ProtobufError('bad-value', `${where}: nested more than ${MAX_DEPTH} levels`);
  const message = kubernetesSchema().message(name);
  const writer = new ProtoWriter();
  if (message.custom) {
    const fields = WELL_KNOWN[name]!.fromJson(value, where);
    for (const field of message.fields)
      writeField(writer, field, fields[field.json], `${where}.${field.json}`, depth);
    return writer.finish();
  }
  if (!isObject(value)) throw new ProtobufError('bad-value', `${where}: expected an object`);
  const slots = new Map<FieldSchema, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const field = jsonIndex(message).get(key);
    if (!field) {
      // TypeMeta is JSON-only: embedded objects (list items, event objects) may still carry it.
      if (key === 'apiVersion' || key === 'kind') continue;
      throw new ProtobufError(
        'unknown-field',
        `${where}: field "${key}" has no protobuf field in ${message.name}; ask for application/json to read it`,
      );
    }
    if (field.inline) {
      const part = (slots.get(field) ?? {}) as Record<string, unknown>;
      part[key] = v;
      slots.set(field, part);
    } else slots.set(field, v);
  }
  const ordered = [...slots].sort(([a], [b]) => a.number - b.number);
  for (const [field, v] of ordered)
    writeField(writer, field, v, field.inline ? where : `${where}.${field.json}`, depth);
  return writer.finish();
}

function writeField(
  writer: ProtoWriter,
  field: FieldSchema,
  value: unknown,
  where: string,
  depth: number,
): void {
  if (value === undefined || value === null) return;
  if (field.map) {
    if (!isObject(value)) throw new ProtobufError('bad-value', `${where}: expected an object (a map)`);
    for (const key of Object.keys(value).sort()) {
      const entry = new ProtoWriter();
      entry.stringField(1, key);
      const v = value[key];
      if (v !== null && v !== undefined)
        writeSingle(entry, 2, field.type, v, `${where}[${JSON.stringify(key)}]`, depth);
      writer.bytesField(field.number, entry.finish());
    }
    return;
  }
  if (field.repeated) {
    if (!Array.isArray(value)) throw new ProtobufError('bad-value', `${where}: expected an array`);
    // Only raw JSON elements (a schema's enum values) can be null; a null object or string is a mistake.
    const nullable = !SCALAR_TYPES.has(field.type) && kubernetesSchema().message(field.type).custom;
    value.forEach((v, i) => {
      if ((v === null || v === undefined) && !nullable)
        throw new ProtobufError('bad-value', `${where}[${i}]: null in a list`);
      writeSingle(writer, field.number, field.type, v, `${where}[${i}]`, depth);
    });
    return;
  }
  writeSingle(writer, field.number, field.type, value, where, depth);
}

function writeSingle(
  writer: ProtoWriter,
  number: number,
  type: string,
  value: unknown,
  where: string,
  depth: number,
) {
  const wrong = (what: string) => new ProtobufError('bad-value', `${where}: expected ${what}`);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw wrong('a string');
      return writer.stringField(number, value);
    case 'bool':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return writer.varintField(number, value);
    case 'int32':
    case 'int64': {
      const limit = type === 'int32' ? 2 ** 31 : 2 ** 63;
      if (typeof value !== 'number' || !Number.isInteger(value) || value >= limit || value < -limit)
        throw wrong(`an integer (${type})`);
      return writer.varintField(number, value);
    }
    case 'double':
      if (typeof value !== 'number') throw wrong('a number');
      return writer.doubleField(number, value);
    case 'bytes':
      return writer.bytesField(number, bytesOf(value, where));
    default:
      if (SCALAR_TYPES.has(type)) throw wrong(type);
      return writer.bytesField(number, encodeMessage(type, value, where, depth + 1));
  }
}

/** JSON carries bytes as base64; well-known conversions hand over bytes themselves. */
function bytesOf(value: unknown, where: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 === 1)
    throw new ProtobufError('bad-value', `${where}: expected base64 data`);
  return Buffer.from(value, 'base64');
}

const indexes = new Map<string, Map<string, FieldSchema>>();

/** JSON name → the field that carries it: its own, or the inlined struct it belongs to. */
function jsonIndex(message: MessageSchema): Map<string, FieldSchema> {
  let index = indexes.get(message.name);
  if (index) return index;
  index = new Map();
  for (const field of message.fields) {
    if (!field.inline) index.set(field.json, field);
    else for (const name of jsonIndex(kubernetesSchema().message(field.type)).keys()) index.set(name, field);
  }
  indexes.set(message.name, index);
  return index;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}
