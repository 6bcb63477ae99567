/** `hook-sync health <files…>`: why hook-sync thinks an object is (not) ready, from `kubectl get -o yaml`. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidInputError, formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { judgeResource } from '../../health/judge.js';
import { str, type Json } from '../../health/object-fields.js';
import { podsOf } from '../../health/related-objects.js';
import { parseManifestText } from '../../manifests/load-manifests.js';
import { Redactor } from '../../sync/redactor.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import path from 'node:path';

export const HEALTH_USAGE = `Usage: hook-sync health <files…> [--json] [--now RFC3339]

Judges live objects as hook-sync does during a sync. Give it what kubectl prints:

  kubectl get deployment,replicaset,pod,event -n shop -o yaml > state.yaml
  hook-sync health state.yaml

Pods and Events in the same input sharpen the verdict: an image that cannot be pulled, a missing
ConfigMap or a crash loop makes a workload Degraded once it has lasted past its grace period.

The input is read as kubectl's output, not as manifests: a key written twice in one mapping is accepted
(the last one wins, with a warning naming its file and line). The values of Secrets in the input are
masked in what is printed (a termination message can quote one): add the Secrets the pods read
(kubectl get secret,… -o yaml) when the output goes somewhere shared.

Options:
  --json        print one JSON array of {"kind","name","namespace","status","message"}
  --now TIME    judge as of this time (default: now), for reproducible answers

Exit codes: 0 nothing Degraded or Missing; 1 something is Degraded or Missing; 2 invalid input (a file
that cannot be read or parsed, a bad option).
`;

/** The verdicts that make the command fail, so a script can stop on them. */
const FAILING = new Set(['Degraded', 'Missing']);

export interface HealthLine {
  kind: string;
  name: string;
  namespace: string;
  status: string;
  message: string;
}

export async function healthCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(HEALTH_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError('health needs at least one file (kubectl get … -o yaml output)');
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (Number.isNaN(now))
    throw new UsageError(`--now must be a time such as 2026-01-02T03:04:05Z, not "${values.now}"`);

  const diagnostics: Diagnostic[] = [];
  const objects: unknown[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(path.resolve(io.cwd, file), 'utf8');
    } catch (err) {
      diagnostics.push({
        severity: 'error',
        code: 'unreadable-file',
        message: `cannot read ${file}: ${(err as Error).message}`,
      });
      continue;
    }
    // What kubectl prints may repeat a key (Go's YAML readers keep the last one); manifests may not.
    const manifests = parseManifestText(text, file, diagnostics, { duplicateKeys: 'last-wins' });
    objects.push(...manifests.map((m) => m.object));
  }
  if (diagnostics.some((d) => d.severity === 'error')) throw new InvalidInputError(diagnostics);
  for (const d of diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  const events = objects.filter((o) => str(o, 'kind') === 'Event');
  const lines: HealthLine[] = objects
    .filter((o) => str(o, 'kind') !== 'Event')
    .map((o) => {
      const { health } = judgeResource(o, { pods: podsOf(o, objects), events, now });
      return {
        kind: str(o, 'kind'),
        name: str(o, 'metadata.name'),
        namespace: str(o, 'metadata.namespace'),
        status: health?.status ?? 'Healthy',
        message: health
          ? health.message
          : `no health check for ${str(o, 'kind')}: counted healthy once it exists`,
      };
    });
  if (objects.length === 0)
    io.stderr('hook-sync health: the input holds no objects (check the namespace given to kubectl)\n');
  const redactor = new Redactor();
  for (const o of objects)
    if (str(o, 'kind') === 'Secret' && str(o, 'apiVersion') === 'v1') redactor.addSecretObject(o as Json);
  if (values.json) io.stdout(redactor.redact(JSON.stringify(redactor.redactJson(lines), null, 2)) + '\n');
  else
    for (const l of lines)
      io.stdout(
        redactor.redact(`${l.kind}/${l.name}: ${l.status}${l.message ? ` — ${l.message}` : ''}`) + '\n',
      );
  return lines.some((l) => FAILING.has(l.status)) ? EXIT.failed : EXIT.ok;
}
