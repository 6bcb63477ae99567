/**
 * Protobuf bytes to the JSON object Go would write for the same value: the objects kubectl's typed
 * commands send reach the cluster exactly as `kubectl create … --dry-run=client -o json` prints them.
 * That means Go's rules, not protobuf's: a non-pointer field that is absent is its zero value (written
 * unless omitempty), a pointer is written whenever present, structs are always written (omitempty never
 * drops a struct), inlined structs merge into their parent, and what Go writes as null is left out.
 */
import { ProtobufError } from './errors.js';
import { kubernetesSchema, SCALAR_TYPES, type FieldSchema, type MessageSchema } from './schema.js';
import { WELL_KNOWN, type Fields } from './well-known.js';
import { ProtoReader, WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT } from './wire.js';

/** Every protobuf body and response starts with these four bytes: "k8s" and a zero. */
export const MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);
/** Deeper than any Kubernetes object; a guard against hostile nesting. */
export const MAX_DEPTH = 100;
const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function hasMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((b, i) => bytes[i] === b);
}

/** `apps/v1, Kind=Deployment`, as Kubernetes names a kind in its messages. */
export function gvkLabel(apiVersion: string, kind: string): string {
  return `${apiVersion}, Kind=${kind}`;
}

/** A whole object: the magic, then a runtime.Unknown naming its kind and carrying its message. */
export function decodeObject(bytes: Uint8Array, where = 'the request body'): Record<string, unknown> {
  if (!hasMagic(bytes))
    throw new ProtobufError('malformed', `${where} does not start with the protobuf magic "k8s\\0"`);
  const envelope = decodeFields('runtime.Unknown', bytes.subarray(4), `${where} (runtime.Unknown)`, 0);
  const { apiVersion = '', kind = '' } = (envelope.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  if (!kind || !apiVersion)
    throw new ProtobufError(
      'malformed',
      `${where}: the protobuf envelope does not name an apiVersion and kind`,
    );
  const encoding = String(envelope.contentEncoding ?? '');
  if (encoding)
    throw new ProtobufError(
      'unsupported',
      `${where}: content encoding "${encoding}" is not supported; send it unencoded`,
    );
  const contentType = String(envelope.contentType ?? '');
  if (contentType && !contentType.startsWith('application/vnd.kubernetes.protobuf'))
    throw new ProtobufError(
      'unsupported',
      `${where}: a protobuf envelope holding ${contentType} is not supported`,
    );
  const message = kubernetesSchema().messageOfKind(apiVersion, kind);
  if (!message)
    throw new ProtobufError(
      'unknown-kind',
      `the server does not understand protobuf for ${gvkLabel(apiVersion, kind)}; send JSON (application/json)`,
    );
  const body = decodeMessage(message, (envelope.raw as Uint8Array | undefined) ?? EMPTY, kind) as object;
  return { apiVersion, kind, ...body };
}

/** One message's bytes as JSON; undefined where Go would write null. */
export function decodeMessage(name: string, bytes: Uint8Array, where: string, depth = 0): unknown {
  if (depth > MAX_DEPTH)
    throw new ProtobufError('malformed', `${where}: nested more than ${MAX_DEPTH} levels`);
  const message = kubernetesSchema().message(name);
  if (message.custom) {
    // An object embedded as protobuf (a watch event's object) rather than as JSON.
    if (name === 'runtime.RawExtension' && hasMagic(bytes)) return decodeObject(bytes, where);
    return WELL_KNOWN[name]!.toJson(decodeFields(name, bytes, where, depth), where);
  }
  const values = readFields(message, bytes, where);
  const out: Record<string, unknown> = {};
  for (const field of message.fields) {
    const got = values.get(field.number);
    if (field.inline) {
      Object.assign(out, decodeMessage(field.type, joined(got), where, depth + 1));
      continue;
    }
    const value = fieldJson(field, got, `${where}.${field.json}`, depth);
    if (value !== undefined) out[field.json] = value;
  }
  return out;
}

/**
 * A custom-JSON message's fields as they are on the wire, by .proto name: only the present ones, bytes as
 * Uint8Array, nested messages already as JSON.
 */
export function decodeFields(name: string, bytes: Uint8Array, where: string, depth: number): Fields {
  const message = kubernetesSchema().message(name);
  const values = readFields(message, bytes, where);
  const out: Fields = {};
  for (const field of message.fields) {
    const got = values.get(field.number);
    if (!got) continue;
    const path = `${where}.${field.json}`;
    if (field.repeated) out[field.json] = got.map((v) => single(field.type, v, path, depth));
    else if (SCALAR_TYPES.has(field.type)) out[field.json] = got[got.length - 1];
    else out[field.json] = decodeMessage(field.type, joined(got), path, depth + 1);
  }
  return out;
}

function fieldJson(field: FieldSchema, got: unknown[] | undefined, where: string, depth: number): unknown {
  if (field.map) {
    if (!got?.length) return undefined;
    const out: Record<string, unknown> = {};
    for (const entry of got as Uint8Array[]) {
      const { key, value } = mapEntry(field, entry, where);
      // An entry without a value holds the value type's zero.
      const present = value ?? (SCALAR_TYPES.has(field.type) ? zero(field.type) : EMPTY);
      out[key] = single(field.type, present, `${where}[${JSON.stringify(key)}]`, depth) ?? null;
    }
    return out;
  }
  if (field.repeated) {
    if (!got?.length) return undefined;
    return got.map((v, i) => single(field.type, v, `${where}[${i}]`, depth) ?? null);
  }
  if (SCALAR_TYPES.has(field.type)) {
    if (got) {
      const value = got[got.length - 1];
      if (field.omitempty && !field.pointer && isZero(value)) return undefined;
      return scalarJson(field.type, value);
    }
    if (field.pointer || field.omitempty || field.type === 'bytes') return undefined;
    return scalarJson(field.type, zero(field.type));
  }
  if (!got) {
    // A pointer left nil, or an omitzero struct at its zero: Go writes nothing. Any other struct it writes.
    if (field.pointer || field.omitzero) return undefined;
    return decodeMessage(field.type, EMPTY, where, depth + 1);
  }
  return decodeMessage(field.type, joined(got), where, depth + 1);
}

/** A repeated element or map value: scalars as JSON, messages decoded. */
function single(type: string, value: unknown, where: string, depth: number): unknown {
  if (SCALAR_TYPES.has(type)) return scalarJson(type, value);
  return decodeMessage(type, value as Uint8Array, where, depth + 1);
}

function mapEntry(field: FieldSchema, entry: Uint8Array, where: string): { key: string; value: unknown } {
  const reader = new ProtoReader(entry, where);
  let key = '';
  let value: unknown;
  while (!reader.done()) {
    const { number, wire } = reader.tag();
    if (number === 1 && wire === WIRE_BYTES) key = text(reader.bytes(), where);
    else if (number === 2)
      value = readValue(reader, field.type, wire, `${where}[${JSON.stringify(key)}]`, false)[0];
    else
      throw new ProtobufError('malformed', `${where}: a map entry with field ${number} (wire type ${wire})`);
  }
  return { key, value };
}

/** Field number → values in arrival order (scalars decoded, messages as bytes). */
function readFields(message: MessageSchema, bytes: Uint8Array, where: string): Map<number, unknown[]> {
  const reader = new ProtoReader(bytes, where);
  const values = new Map<number, unknown[]>();
  while (!reader.done()) {
    const { number, wire } = reader.tag();
    const field = message.byNumber.get(number);
    if (!field)
      throw new ProtobufError(
        'unknown-field',
        `${where}: field number ${number} is not a field of ${message.name} (the server's table knows ${[...message.byNumber.keys()].join(', ')})`,
      );
    const got = readValue(
      reader,
      field.map ? 'map' : field.type,
      wire,
      `${where}.${field.json || field.type}`,
      field.repeated,
    );
    const list = values.get(number);
    if (list) list.push(...got);
    else values.set(number, got);
  }
  return values;
}

const VARINT_TYPES = new Set(['int32', 'int64', 'bool']);

function readValue(
  reader: ProtoReader,
  type: string,
  wire: number,
  where: string,
  repeated: boolean,
): unknown[] {
  const expected = VARINT_TYPES.has(type) ? WIRE_VARINT : type === 'double' ? WIRE_FIXED64 : WIRE_BYTES;
  if (wire === expected) return [readScalar(reader, type, where)];
  // Repeated numbers may come packed: one length-delimited run of values.
  if (repeated && wire === WIRE_BYTES && expected !== WIRE_BYTES) {
    const packed = new ProtoReader(reader.bytes(), where);
    const out: unknown[] = [];
    while (!packed.done()) out.push(readScalar(packed, type, where));
    return out;
  }
  throw new ProtobufError(
    'malformed',
    `${where}: wire type ${wire} where ${type} needs wire type ${expected}`,
  );
}

function readScalar(reader: ProtoReader, type: string, where: string): unknown {
  switch (type) {
    case 'int32':
      return reader.signed(32);
    case 'int64':
      return reader.signed(64);
    case 'bool':
      return reader.varint() !== 0;
    case 'double':
      return reader.double();
    case 'string':
      return text(reader.bytes(), where);
    default:
      return reader.bytes();
  }
}

function text(bytes: Uint8Array, where: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ProtobufError('malformed', `${where}: a string that is not UTF-8`);
  }
}

/** Occurrences of one message field merge, as protobuf says: their bytes concatenated. */
function joined(got: unknown[] | undefined): Uint8Array {
  if (!got?.length) return EMPTY;
  return got.length === 1 ? (got[0] as Uint8Array) : Buffer.concat(got as Uint8Array[]);
}

function zero(type: string): unknown {
  return type === 'string' ? '' : type === 'bool' ? false : type === 'bytes' ? EMPTY : 0;
}

function isZero(value: unknown): boolean {
  return (
    value === '' || value === 0 || value === false || (value instanceof Uint8Array && value.length === 0)
  );
}

/** Bytes are base64 in JSON. */
function scalarJson(type: string, value: unknown): unknown {
  return type === 'bytes' ? Buffer.from(value as Uint8Array).toString('base64') : value;
}
