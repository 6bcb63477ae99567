/**
 * The protobuf schema of the served kinds, read from the generated table (schema-table.ts, written by
 * scripts/proto-schema.mjs). The table is parsed the first time protobuf is seen, not when the cluster
 * starts: JSON clients never pay for it.
 */
import { SCHEMA_TABLE } from './schema-table.js';

export const SCALAR_TYPES = new Set(['string', 'int32', 'int64', 'bool', 'bytes', 'double']);

export interface FieldSchema {
  number: number;
  /** The JSON name; for a custom-JSON message, the .proto name; '' for an inlined struct. */
  json: string;
  /** A scalar (SCALAR_TYPES) or a message name such as `core/v1.PodSpec`; for maps, the value type. */
  type: string;
  map: boolean;
  repeated: boolean;
  /** A Go pointer: present means set, even when zero. */
  pointer: boolean;
  omitempty: boolean;
  omitzero: boolean;
  /** An embedded Go struct whose fields appear in the parent's JSON. */
  inline: boolean;
}

export interface MessageSchema {
  name: string;
  /** Its JSON form is not its fields (Time, IntOrString, Quantity…): see well-known.ts. */
  custom: boolean;
  fields: FieldSchema[];
  byNumber: Map<number, FieldSchema>;
}

/** Kinds every group version carries: looked up in meta.k8s.io/v1 whatever apiVersion names them. */
const META_API_VERSION = 'meta.k8s.io/v1';

export class Schema {
  private readonly messages = new Map<string, MessageSchema>();
  /** apiVersion → kind → message name. */
  private readonly kinds = new Map<string, Map<string, string>>();

  constructor(table: string) {
    for (const line of table.split('\n')) {
      if (!line.trim()) continue;
      const cells = line.trim().split(' ');
      if (cells[0] === '@') {
        const [, apiVersion, pkg, ...kinds] = cells;
        this.kinds.set(apiVersion!, new Map(kinds.map((k) => [k, `${pkg}.${k}`])));
        continue;
      }
      const [name, ...rest] = cells;
      const custom = rest[0] === '!';
      const fields = (custom ? rest.slice(1) : rest).map(parseField);
      this.messages.set(name!, {
        name: name!,
        custom,
        fields,
        byNumber: new Map(fields.map((f) => [f.number, f])),
      });
    }
  }

  message(name: string): MessageSchema {
    const message = this.messages.get(name);
    // The generator writes every message a field refers to; a miss is a defect in the table.
    if (!message) throw new Error(`protobuf schema table: no message ${name}`);
    return message;
  }

  /** The message of a top-level kind, or undefined when the table has none. */
  messageOfKind(apiVersion: string, kind: string): string | undefined {
    return this.kinds.get(apiVersion)?.get(kind) ?? this.kinds.get(META_API_VERSION)?.get(kind);
  }

  /** Every apiVersion and kind the table carries. */
  allKinds(): { apiVersion: string; kind: string }[] {
    return [...this.kinds].flatMap(([apiVersion, kinds]) =>
      [...kinds.keys()].map((kind) => ({ apiVersion, kind })),
    );
  }
}

function parseField(cell: string): FieldSchema {
  const [number, json, type, flags = ''] = cell.split(':');
  const map = /^map<string,(.+)>$/.exec(type!);
  return {
    number: Number(number),
    json: json!,
    type: map ? map[1]! : type!,
    map: !!map,
    repeated: flags.includes('r'),
    pointer: flags.includes('p'),
    omitempty: flags.includes('o'),
    omitzero: flags.includes('z'),
    inline: flags.includes('i'),
  };
}

let loaded: Schema | undefined;

export function kubernetesSchema(): Schema {
  loaded ??= new Schema(SCHEMA_TABLE);
  return loaded;
}
