// Writes src/embedded-cluster/protobuf/schema-table.ts: the protobuf wire schema of every kind the embedded
// cluster serves, read from checkouts of Kubernetes' published API definitions.
//
//   git clone --depth 1 --branch v0.36.3 https://github.com/kubernetes/api
//   git clone --depth 1 --branch v0.36.3 https://github.com/kubernetes/apimachinery
//   git clone --depth 1 --branch v0.36.3 https://github.com/kubernetes/apiextensions-apiserver
//   node scripts/proto-schema.mjs --api api --apimachinery apimachinery \
//     --apiextensions apiextensions-apiserver --ref v0.36.3 [--check]
//
// Field numbers, wire types and repeated/map come from the generated.proto files. What the .proto files do
// not say comes from the Go structs next to them: the JSON name, omitempty/omitzero, whether a field is a
// pointer (presence matters) and whether an embedded struct is inlined. The two are cross-checked: a Go
// protobuf tag whose number differs from the .proto fails the run.
// Only the messages reachable from the served kinds (read from src/embedded-cluster/resource-types.ts), their
// Lists, Scale, the access reviews kubectl auth can-i posts, Status, DeleteOptions, WatchEvent, runtime.Unknown
// and meta/v1.Duration are written.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'src/embedded-cluster/protobuf/schema-table.ts');

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
function required(name) {
  const value = arg(name);
  if (!value) fail(`--${name} is required (see the comment at the top of scripts/proto-schema.mjs)`);
  return value;
}
function fail(message) {
  console.error(`proto-schema: ${message}`);
  process.exit(1);
}

const dirs = {
  api: required('api'),
  apimachinery: required('apimachinery'),
  apiextensions: required('apiextensions'),
};
const ref = required('ref');

/** Go packages read: directory, the short name used in the table, and the API group (undefined: not served). */
const PACKAGES = [
  ...['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1']
    .concat(['rbac/v1', 'coordination/v1', 'storage/v1', 'authorization/v1'])
    .map((p) => ({ dir: path.join(dirs.api, p), short: p, served: true })),
  {
    dir: path.join(dirs.apiextensions, 'pkg/apis/apiextensions/v1'),
    short: 'apiextensions/v1',
    served: true,
  },
  { dir: path.join(dirs.apimachinery, 'pkg/apis/meta/v1'), short: 'meta/v1', served: true },
  { dir: path.join(dirs.apimachinery, 'pkg/runtime'), short: 'runtime' },
  { dir: path.join(dirs.apimachinery, 'pkg/runtime/schema'), short: 'schema' },
  { dir: path.join(dirs.apimachinery, 'pkg/util/intstr'), short: 'intstr' },
  { dir: path.join(dirs.apimachinery, 'pkg/api/resource'), short: 'resource' },
];

/**
 * Messages whose JSON form is not their fields (custom Go marshalling): the codec converts them by hand, so
 * their fields keep the .proto names and need no Go struct.
 */
const CUSTOM_JSON = new Set([
  'meta/v1.Time',
  'meta/v1.MicroTime',
  'meta/v1.Duration',
  'meta/v1.FieldsV1',
  'runtime.RawExtension',
  'runtime.Unknown',
  'runtime.TypeMeta',
  'intstr.IntOrString',
  'resource.Quantity',
  'apiextensions/v1.JSON',
  'apiextensions/v1.JSONSchemaPropsOrArray',
  'apiextensions/v1.JSONSchemaPropsOrBool',
  'apiextensions/v1.JSONSchemaPropsOrStringArray',
]);

/** Kinds every group version carries (metav1.AddToGroupVersion), looked up in meta/v1 whatever the apiVersion. */
const META_KINDS = ['Status', 'DeleteOptions', 'WatchEvent'];
const SCALARS = new Set(['string', 'int32', 'int64', 'bool', 'bytes', 'double']);

// ---- .proto ----

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

/** { package, messages: Map<name, fields[]> } of one generated.proto. */
function parseProto(file) {
  const text = stripComments(readFileSync(file, 'utf8'));
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1];
  if (!pkg) fail(`${file}: no package statement`);
  const messages = new Map();
  let current;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (!line || /^(syntax|package|import|option)\b/.test(line)) return;
    const open = /^message\s+(\w+)\s*\{$/.exec(line);
    if (open) {
      if (current) fail(`${where}: nested messages are not supported`);
      current = { name: open[1], fields: [] };
      messages.set(open[1], current.fields);
      return;
    }
    if (line === '}') {
      if (!current) fail(`${where}: unbalanced }`);
      current = undefined;
      return;
    }
    if (!current) fail(`${where}: unexpected "${line}"`);
    const map = /^map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*;$/.exec(line);
    if (map) {
      current.fields.push({ name: map[3], number: Number(map[4]), label: 'map', key: map[1], type: map[2] });
      return;
    }
    const field = /^(optional|repeated)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;$/.exec(line);
    if (!field) fail(`${where}: cannot read "${line}"`);
    current.fields.push({ name: field[3], number: Number(field[4]), label: field[1], type: field[2] });
  });
  return { pkg, messages };
}

// ---- Go structs ----

function parseTag(tag) {
  const out = {};
  for (const m of tag.matchAll(/(\w+):"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Map<struct name, { fields by protobuf name }> from the package's hand-written Go files. */
function parseGoStructs(dir) {
  const structs = new Map();
  const files = readdirSync(dir).filter(
    (f) =>
      f.endsWith('.go') &&
      !f.endsWith('_test.go') &&
      !f.startsWith('zz_generated') &&
      !f.includes('generated'),
  );
  for (const file of files) {
    const text = stripComments(readFileSync(path.join(dir, file), 'utf8'));
    // `struct{}` closes on its own line; any other struct at the next `}` in column 0.
    for (const m of text.matchAll(/^type\s+(\w+)\s+struct\s*\{(?:\}|([\s\S]*?)^\})/gm)) {
      const fields = new Map();
      for (const line of (m[2] ?? '').split('\n')) {
        const f = /^\s*(.*?)\s*`([^`]*)`\s*$/.exec(line);
        if (!f) continue;
        const tags = parseTag(f[2]);
        if (!tags.protobuf) continue;
        const parts = f[1].split(/\s+/).filter(Boolean);
        const embedded = parts.length === 1;
        const goType = embedded ? parts[0] : parts[1];
        const pb = tags.protobuf.split(',');
        // A tag without name= (an embedded struct) takes the Go name, first letter lowered.
        const goName = embedded ? goType.replace(/^\*/, '').split('.').pop() : parts[0];
        const protoName =
          pb.find((p) => p.startsWith('name='))?.slice(5) ?? goName[0].toLowerCase() + goName.slice(1);
        const [jsonName = '', ...jsonOpts] = (tags.json ?? '').split(',');
        fields.set(protoName, {
          number: Number(pb[1]),
          json: jsonName,
          omitempty: jsonOpts.includes('omitempty'),
          omitzero: jsonOpts.includes('omitzero'),
          inline: jsonOpts.includes('inline') || (embedded && jsonName === ''),
          pointer: goType.startsWith('*'),
          where: `${path.join(dir, file)} (${m[1]}.${protoName})`,
        });
      }
      structs.set(m[1], fields);
    }
  }
  return structs;
}

function groupOf(dir) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.go'))) {
    const g = /^const\s+GroupName\s*=\s*"([^"]*)"/m.exec(readFileSync(path.join(dir, file), 'utf8'));
    if (g) return g[1];
  }
  return undefined;
}

// ---- assemble ----

const byProtoPackage = new Map();
const messages = new Map(); // 'core/v1.Pod' -> { fields, structs, pkg }
const apiVersions = new Map(); // 'apps/v1' -> short
for (const p of PACKAGES) {
  const protoFile = path.join(p.dir, 'generated.proto');
  if (!existsSync(protoFile))
    fail(`${protoFile} not found: is --api/--apimachinery/--apiextensions a checkout?`);
  const proto = parseProto(protoFile);
  byProtoPackage.set(proto.pkg, p.short);
  const structs = parseGoStructs(p.dir);
  for (const [name, fields] of proto.messages)
    messages.set(`${p.short}.${name}`, { fields, struct: structs.get(name), pkg: proto.pkg });
  if (p.served) {
    const group = groupOf(p.dir);
    if (group === undefined) fail(`${p.dir}: no GroupName constant`);
    const version = path.basename(p.dir);
    apiVersions.set(group ? `${group}/${version}` : version, p.short);
  }
}

function resolveType(type, pkg) {
  if (SCALARS.has(type)) return type;
  if (type.startsWith('.')) {
    const full = type.slice(1);
    const dot = full.lastIndexOf('.');
    const short = byProtoPackage.get(full.slice(0, dot));
    if (!short) fail(`type ${type} is in a package this script does not read`);
    return `${short}.${full.slice(dot + 1)}`;
  }
  const short = byProtoPackage.get(pkg);
  return `${short}.${type}`;
}

// Served kinds, as the emulator lists them.
const resourceTypes = readFileSync(path.join(root, 'src/embedded-cluster/resource-types.ts'), 'utf8');
const served = [
  ...resourceTypes.matchAll(/group:\s*'([^']*)',\s*version:\s*'([^']*)',\s*kind:\s*'([^']*)'/g),
].map((m) => ({ apiVersion: m[1] ? `${m[1]}/${m[2]}` : m[2], kind: m[3] }));
if (served.length < 10) fail('could not read the served kinds from src/embedded-cluster/resource-types.ts');

const kinds = new Map(); // apiVersion -> Set(kind)
const addKind = (apiVersion, kind) => {
  const short = apiVersions.get(apiVersion);
  if (!short) fail(`no package read serves ${apiVersion} (${kind})`);
  if (!messages.has(`${short}.${kind}`)) fail(`${apiVersion} ${kind}: no message ${short}.${kind}`);
  kinds.set(apiVersion, (kinds.get(apiVersion) ?? new Set()).add(kind));
};
for (const { apiVersion, kind } of served) {
  addKind(apiVersion, kind);
  addKind(apiVersion, `${kind}List`);
}
// Served outside the resource table: the scale subresource and what `kubectl auth can-i` posts.
addKind('autoscaling/v1', 'Scale');
addKind('authorization.k8s.io/v1', 'SelfSubjectAccessReview');
addKind('authorization.k8s.io/v1', 'SelfSubjectRulesReview');
for (const kind of META_KINDS) addKind('meta.k8s.io/v1', kind);

// Reachable messages, breadth first from the kinds, the envelope and meta/v1.Duration (a well-known type
// no served kind uses yet; the codec converts it, so the table carries it).
const wanted = new Set(['runtime.Unknown', 'meta/v1.Duration']);
for (const [apiVersion, set] of kinds)
  for (const kind of set) wanted.add(`${apiVersions.get(apiVersion)}.${kind}`);
const queue = [...wanted];
const rows = new Map();
while (queue.length) {
  const name = queue.shift();
  const message = messages.get(name);
  if (!message) fail(`message ${name} is referenced but not defined`);
  const custom = CUSTOM_JSON.has(name);
  if (!custom && !message.struct)
    fail(`message ${name} has no Go struct ${name.split('.').pop()} next to its .proto`);
  const cells = [];
  for (const f of message.fields) {
    const type = resolveType(f.type, message.pkg);
    const key = f.key ? resolveType(f.key, message.pkg) : undefined;
    if (key && key !== 'string') fail(`${name}.${f.name}: map keys other than string are not supported`);
    let json = f.name;
    let flags = f.label === 'repeated' ? 'r' : '';
    if (!custom) {
      const go = message.struct.get(f.name);
      if (!go) fail(`${name}.${f.name} (= ${f.number}): no Go field with protobuf name=${f.name}`);
      if (go.number !== f.number)
        fail(`${go.where}: Go tag says field ${go.number}, the .proto says ${f.number}`);
      json = go.inline ? '' : go.json || f.name;
      if (go.pointer) flags += 'p';
      if (go.omitempty) flags += 'o';
      if (go.omitzero) flags += 'z';
      if (go.inline) flags += 'i';
    }
    if (/[\s:]/.test(json)) fail(`${name}.${f.name}: JSON name "${json}" cannot be written in the table`);
    const shown = key ? `map<${key},${type}>` : type;
    cells.push(`${f.number}:${json}:${shown}${flags ? `:${flags}` : ''}`);
    if (!SCALARS.has(type) && !wanted.has(type)) {
      wanted.add(type);
      queue.push(type);
    }
  }
  rows.set(name, `${name}${custom ? ' !' : ''} ${cells.join(' ')}`.trimEnd());
}

const kindLines = [...kinds]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([apiVersion, set]) => `@ ${apiVersion} ${apiVersions.get(apiVersion)} ${[...set].sort().join(' ')}`);
const table = [...kindLines, ...[...rows.keys()].sort().map((k) => rows.get(k))].join('\n');

const source = `// Generated by scripts/proto-schema.mjs from kubernetes/api, kubernetes/apimachinery and
// kubernetes/apiextensions-apiserver ${ref}. Do not edit; regenerate (docs/embedded-cluster.md, "Protobuf").
//
// "@ apiVersion package Kind…": the kinds a request or response may carry under that apiVersion.
// Then one message per line: its name ("!": custom JSON form, converted by well-known.ts), then one
// number:jsonName:type[:flags] per field. Types are scalars, package.Message or map<string,T>. Flags:
// r repeated, p pointer (present even when zero), o omitempty, z omitzero, i inlined (an embedded struct).
export const SCHEMA_TABLE = \`
${table}
\`;
`;

if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== source) fail(`${path.relative(root, OUT)} is stale: run this script without --check`);
  console.log(`${path.relative(root, OUT)} is up to date`);
} else {
  writeFileSync(OUT, source);
  console.log(
    `wrote ${path.relative(root, OUT)}: ${rows.size} messages, ${kindLines.length} apiVersions, ${Buffer.byteLength(source)} bytes`,
  );
}
