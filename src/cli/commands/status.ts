/** `hook-sync status --app NAME`: what an application owns in the cluster, how each object is, its history. */
import { parseArgs } from 'node:util';
import { clusterErrorDetail } from '../../cluster/api-error.js';
import type { ClusterClient, Json } from '../../cluster/cluster-client.js';
import { assessHealth } from '../../health/resource-health.js';
import type { InventoryObject, OperationRecord } from '../../lifecycle/inventory.js';
import { InventoryStore } from '../../lifecycle/inventory-store.js';
import { Redactor } from '../../sync/redactor.js';
import { defaultAppName } from '../app-name.js';
import { connectCluster } from '../cluster-connection.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import {
  AppNotFoundError,
  findAppNamespace,
  listApps,
  shortAge,
  type AppSummary,
} from '../../lifecycle/app-catalog.js';

export const STATUS_USAGE = `Usage: hook-sync status [--app NAME] [options]
       hook-sync status --all [--selector LABELS] [options]

Prints what an application owns in the cluster (its inventory), each object's live health, and its last
operations (revision, result, when, by whom). With --all: every application hook-sync has in the cluster
(one line each: namespace, last operation, its age, the pull request it came from) — forgotten previews
included.

Options:
  --app NAME          the application (default: the git checkout's folder name)
  --namespace NS      the application's namespace, where its inventory lives (default: the one
                      namespace that has an inventory of that app)
  --all               list every application in the cluster instead
  --selector LABELS   with --all: only inventories matching this label selector, e.g.
                      hook-sync.io/pull-request (the ones a pull request made)
  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME      context of the kubeconfig (default: its current context)
  --json              print one JSON document: {"app","namespace","objects":[…],"history":[…]};
                      with --all: {"apps":[{"app","namespace","objects","last","ageSeconds","origin"}]}

Exit codes: 0 every object is there and nothing is Degraded (--all: the list was read); 1 something is
Missing or Degraded, or the application has no inventory there; 2 invalid input (options, kubeconfig).
`;

interface ObjectStatus extends InventoryObject {
  health: string;
  message: string;
}

async function statusOf(client: ClusterClient, o: InventoryObject): Promise<ObjectStatus> {
  const info = await client.resourceFor(o.apiVersion, o.kind);
  const live = info
    ? await client.get({
        apiVersion: o.apiVersion,
        kind: o.kind,
        namespace: o.namespace || undefined,
        name: o.name,
      })
    : undefined;
  if (!live)
    return {
      ...o,
      health: 'Missing',
      message:
        o.state === 'pending' ? 'recorded by a run that did not finish; not created' : 'not in the cluster',
    };
  const health = assessHealth(live as Json);
  return {
    ...o,
    health: health?.status ?? 'Healthy',
    message: health?.message ?? 'exists (no health check for its kind)',
  };
}

export async function statusCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      app: { type: 'string' },
      namespace: { type: 'string' },
      all: { type: 'boolean', default: false },
      selector: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(STATUS_USAGE);
    return EXIT.ok;
  }
  if (values.all && (values.app || values.namespace))
    throw new UsageError('--all lists every application: it takes no --app or --namespace');
  if (values.selector && !values.all) throw new UsageError('--selector goes with --all');
  const redactor = new Redactor();
  const client = connectCluster('status', values, io, redactor);
  if (!client) return EXIT.invalid;
  if (values.all) return listAll(client, values.selector, values.json, io, redactor);
  const app = values.app ?? defaultAppName(io.cwd);
  let namespace = values.namespace ?? '';
  let objects: ObjectStatus[];
  let history: OperationRecord[];
  try {
    if (!namespace) {
      try {
        namespace = await findAppNamespace(client, app);
      } catch (err) {
        if (!(err instanceof AppNotFoundError)) throw err;
        io.stderr(`hook-sync status: ${err.message}\n`);
        return EXIT.failed;
      }
    }
    const inventory = await new InventoryStore(client, app, namespace).read();
    if (inventory.objects.length === 0 && inventory.history.length === 0) {
      io.stderr(
        `hook-sync status: no application "${app}" in namespace ${namespace} (no inventory there); pass --app and --namespace as the sync had them\n`,
      );
      return EXIT.failed;
    }
    objects = await Promise.all(inventory.objects.map((o) => statusOf(client, o)));
    history = inventory.history;
  } catch (err) {
    io.stderr(
      redactor.redact(
        `hook-sync status: cannot talk to the cluster at ${client.server}: ${clusterErrorDetail(err)}\n`,
      ),
    );
    return EXIT.failed;
  }
  if (values.json)
    io.stdout(JSON.stringify(redactor.redactJson({ app, namespace, objects, history }), null, 2) + '\n');
  else {
    const lines = [`Application ${app} in namespace ${namespace}: ${objects.length} objects`, ''];
    for (const o of objects)
      lines.push(
        `  ${o.health.padEnd(11)} ${o.kind}${o.group ? `.${o.group}` : ''} ${o.namespace ? `${o.namespace}/` : ''}${o.name}${o.hook ? ' (hook)' : ''} — ${o.message}`,
      );
    lines.push('', 'Last operations (newest first):');
    for (const h of history)
      lines.push(
        `  ${h.startedAt}  ${h.operation.padEnd(6)} ${h.status.padEnd(9)} ${h.revision.slice(0, 7)}  by ${h.by}${h.message ? ` — ${h.message.split('\n')[0]}` : ''}`,
      );
    io.stdout(redactor.redact(lines.join('\n')) + '\n');
  }
  return objects.some((o) => o.health === 'Missing' || o.health === 'Degraded') ? EXIT.failed : EXIT.ok;
}

function pullRequestOf(a: AppSummary): string {
  const o = a.origin;
  if (!o?.pullRequest) return '';
  return `#${o.pullRequest}${o.repository ? ` (${o.repository})` : ''}`;
}

/** `status --all`: one line per application, oldest activity easy to spot. */
async function listAll(
  client: ClusterClient,
  selector: string | undefined,
  json: boolean,
  io: CliIo,
  redactor: Redactor,
): Promise<number> {
  let apps: AppSummary[];
  try {
    apps = await listApps(client, selector);
  } catch (err) {
    io.stderr(
      redactor.redact(
        `hook-sync status --all: cannot list the applications' inventories at ${client.server}: ${clusterErrorDetail(err)}\n`,
      ),
    );
    return EXIT.failed;
  }
  if (json) {
    io.stdout(JSON.stringify(redactor.redactJson({ apps }), null, 2) + '\n');
    return EXIT.ok;
  }
  if (apps.length === 0) {
    io.stdout(`No applications${selector ? ` matching ${selector}` : ''} in the cluster.\n`);
    return EXIT.ok;
  }
  const rows = [
    ['APP', 'NAMESPACE', 'OBJECTS', 'LAST OPERATION', 'REVISION', 'AGE', 'PULL REQUEST', 'BY'],
    ...apps.map((a) => [
      a.app,
      a.namespace,
      String(a.objects),
      a.last ? `${a.last.operation} ${a.last.status}` : '-',
      a.last ? a.last.revision.slice(0, 7) : '-',
      a.ageSeconds === undefined ? '-' : shortAge(a.ageSeconds),
      pullRequestOf(a) || '-',
      a.last?.by ?? '-',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  io.stdout(
    redactor.redact(
      rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')).join('\n'),
    ) + '\n',
  );
  return EXIT.ok;
}
