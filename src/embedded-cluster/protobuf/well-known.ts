/**
 * The messages whose JSON is not their fields, because their Go types marshal JSON by hand: timestamps,
 * durations, int-or-string, quantities, raw JSON and the JSON-schema unions of CRDs. Each converts between
 * its JSON value and its fields under their .proto names (the table's names for these messages).
 */
import { ProtobufError } from './errors.js';

/** Fields present on the wire, by .proto name: scalars, Uint8Array for bytes, arrays for repeats. */
export type Fields = Record<string, unknown>;

export interface Conversion {
  /** The JSON value; undefined where Go writes null (a zero time, an empty raw extension). */
  toJson(fields: Fields, where: string): unknown;
  fromJson(value: unknown, where: string): Fields;
}

function bad(where: string, what: string): ProtobufError {
  return new ProtobufError('bad-value', `${where}: ${what}`);
}

// ---- time ----

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Seconds and nanoseconds since the epoch of an RFC 3339 timestamp (any fraction, any offset). */
export function parseTimestamp(text: unknown, where: string): { seconds: number; nanos: number } {
  const m = typeof text === 'string' ? RFC3339.exec(text) : null;
  if (!m) throw bad(where, 'expected an RFC 3339 timestamp such as "2024-05-01T12:00:00Z"');
  const [, y, mo, d, h, mi, s, fraction = '', , sign, oh, om] = m;
  let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
  if (sign) seconds -= (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60);
  return { seconds, nanos: Number(fraction.padEnd(9, '0')) };
}

function formatTimestamp(seconds: number, fractionDigits: string): string {
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return `${base}${fractionDigits ? `.${fractionDigits}` : ''}Z`;
}

/** metav1.Time: RFC 3339 in whole seconds, as Go writes it; the emulator's milliseconds ride in nanos. */
const time: Conversion = {
  toJson(f) {
    if (f.seconds === undefined && f.nanos === undefined) return undefined;
    const nanos = Number(f.nanos ?? 0);
    const ms = Math.floor(nanos / 1e6);
    return formatTimestamp(Number(f.seconds ?? 0), ms ? String(ms).padStart(3, '0') : '');
  },
  fromJson(value, where) {
    const { seconds, nanos } = parseTimestamp(value, where);
    return nanos ? { seconds, nanos } : { seconds };
  },
};

/** metav1.MicroTime: RFC 3339 with exactly six fractional digits. */
const microTime: Conversion = {
  toJson(f) {
    if (f.seconds === undefined && f.nanos === undefined) return undefined;
    const micros = Math.floor(Number(f.nanos ?? 0) / 1000);
    return formatTimestamp(Number(f.seconds ?? 0), String(micros).padStart(6, '0'));
  },
  fromJson(value, where) {
    const { seconds, nanos } = parseTimestamp(value, where);
    return { seconds, nanos: nanos - (nanos % 1000) };
  },
};

// ---- duration (Go's time.Duration text: "1h2m3.5s", "250ms") ----

const NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n,
  μs: 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

export function parseGoDuration(text: unknown, where: string): bigint {
  const invalid = () => bad(where, 'expected a duration such as "1h30m", "90s" or "250ms"');
  if (typeof text !== 'string') throw invalid();
  const m = /^([-+]?)(.+)$/.exec(text);
  if (!m) throw invalid();
  if (m[2] === '0') return 0n;
  const parts = [...m[2]!.matchAll(/(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== m[2]) throw invalid();
  let total = 0n;
  for (const [, whole = '', fraction = '', unit] of parts) {
    if (!whole && !fraction) throw invalid();
    const scale = NANOS[unit!]!;
    total += BigInt(whole || '0') * scale;
    if (fraction) total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
  }
  return m[1] === '-' ? -total : total;
}

export function formatGoDuration(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  const sign = nanos < 0n ? '-' : '';
  const n = nanos < 0n ? -nanos : nanos;
  const decimal = (value: bigint, scale: bigint, unit: string) => {
    const fraction = (value % scale)
      .toString()
      .padStart(scale.toString().length - 1, '0')
      .replace(/0+$/, '');
    return `${value / scale}${fraction ? `.${fraction}` : ''}${unit}`;
  };
  if (n < 1000n) return `${sign}${n}ns`;
  if (n < 1_000_000n) return sign + decimal(n, 1000n, 'µs');
  if (n < 1_000_000_000n) return sign + decimal(n, 1_000_000n, 'ms');
  const hours = n / NANOS.h!;
  const minutes = (n % NANOS.h!) / NANOS.m!;
  const seconds = decimal(n % NANOS.m!, NANOS.s!, 's');
  if (hours) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes) return `${sign}${minutes}m${seconds}`;
  return sign + seconds;
}

const duration: Conversion = {
  toJson: (f) => formatGoDuration(BigInt(Number(f.duration ?? 0))),
  fromJson: (value, where) => ({ duration: Number(parseGoDuration(value, where)) }),
};

// ---- values ----

const INT_OR_STRING_STRING = 1;

const intOrString: Conversion = {
  toJson: (f) =>
    Number(f.type ?? 0) === INT_OR_STRING_STRING ? String(f.strVal ?? '') : Number(f.intVal ?? 0),
  fromJson(value, where) {
    if (typeof value === 'string') return { type: INT_OR_STRING_STRING, strVal: value };
    if (typeof value === 'number' && Number.isInteger(value)) return { type: 0, intVal: value };
    throw bad(where, 'expected an integer or a string');
  },
};

/** resource.Quantity: its canonical string; JSON numbers are quantities too. Go writes a zero one as "0". */
const quantity: Conversion = {
  toJson: (f) => String(f.string ?? '0'),
  fromJson(value, where) {
    if (typeof value === 'string') return { string: value };
    if (typeof value === 'number' && Number.isFinite(value)) return { string: String(value) };
    throw bad(where, 'expected a quantity such as "500m" or "1Gi"');
  },
};

/** Bytes that hold JSON (RawExtension, FieldsV1, a CRD schema's JSON): the JSON value itself. */
function rawJson(field: string): Conversion {
  return {
    toJson(f, where) {
      const raw = f[field] as Uint8Array | undefined;
      if (!raw || raw.length === 0) return undefined;
      try {
        return JSON.parse(Buffer.from(raw).toString('utf8')) as unknown;
      } catch {
        throw new ProtobufError('malformed', `${where}: the embedded bytes are not JSON`);
      }
    },
    fromJson: (value) => ({ [field]: Buffer.from(JSON.stringify(value), 'utf8') }),
  };
}

const typeMeta: Conversion = {
  toJson: (f) => ({ apiVersion: f.apiVersion ?? '', kind: f.kind ?? '' }),
  fromJson: (value) => value as Fields,
};

// ---- the JSON-schema unions of CustomResourceDefinitions ----

/** `items`: one schema or an array of them. */
const schemaOrArray: Conversion = {
  toJson: (f) => f.jSONSchemas ?? f.schema,
  fromJson(value, where) {
    if (Array.isArray(value)) return { jSONSchemas: value };
    if (value && typeof value === 'object') return { schema: value };
    throw bad(where, 'expected a schema or an array of schemas');
  },
};

/** `additionalProperties`/`additionalItems`: a schema, or a boolean. */
const schemaOrBool: Conversion = {
  toJson: (f) => f.schema ?? f.allows === true,
  fromJson(value, where) {
    if (typeof value === 'boolean') return { allows: value };
    if (value && typeof value === 'object') return { allows: true, schema: value };
    throw bad(where, 'expected a schema or a boolean');
  },
};

/** `dependencies` values: a schema, or a list of property names. */
const schemaOrStringArray: Conversion = {
  toJson: (f) => f.property ?? f.schema,
  fromJson(value, where) {
    if (Array.isArray(value)) return { property: value };
    if (value && typeof value === 'object') return { schema: value };
    throw bad(where, 'expected a schema or an array of property names');
  },
};

export const WELL_KNOWN: Readonly<Record<string, Conversion>> = {
  'meta/v1.Time': time,
  'meta/v1.MicroTime': microTime,
  'meta/v1.Duration': duration,
  'meta/v1.FieldsV1': rawJson('Raw'),
  'runtime.RawExtension': rawJson('raw'),
  'runtime.TypeMeta': typeMeta,
  'intstr.IntOrString': intOrString,
  'resource.Quantity': quantity,
  'apiextensions/v1.JSON': rawJson('raw'),
  'apiextensions/v1.JSONSchemaPropsOrArray': schemaOrArray,
  'apiextensions/v1.JSONSchemaPropsOrBool': schemaOrBool,
  'apiextensions/v1.JSONSchemaPropsOrStringArray': schemaOrStringArray,
};
