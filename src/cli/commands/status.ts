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
import { EXIT, type CliIo } from '../io.js';

export const STATUS_USAGE = `Usage: hook-sync status [--app NAME] [options]

Prints what an application owns in the cluster (its inventory), each object's live health, and its last
operations (revision, result, when, by whom).

Options:
  --app NAME          the application (default: the git checkout's folder name)
  --namespace NS      the application's namespace, where its inventory lives (default: default)
  --kubeconfig FILE   kubeconfig to use (default: $KUBECONFIG, then ~/.kube/config)
  --context NAME      context of the kubeconfig (default: its current context)
  --json              print one JSON document: {"app","namespace","objects":[…],"history":[…]}

Exit codes: 0 every object is there and nothing is Degraded; 1 something is Missing or Degraded, or the
application has no inventory there; 2 invalid input (options, kubeconfig).
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
      namespace: { type: 'string', default: 'default' },
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
  const app = values.app ?? defaultAppName(io.cwd);
  const redactor = new Redactor();
  const client = connectCluster('status', values, io, redactor);
  if (!client) return EXIT.invalid;
  let objects: ObjectStatus[];
  let history: OperationRecord[];
  try {
    const inventory = await new InventoryStore(client, app, values.namespace).read();
    if (inventory.objects.length === 0 && inventory.history.length === 0) {
      io.stderr(
        `hook-sync status: no application "${app}" in namespace ${values.namespace} (no inventory there); pass --app and --namespace as the sync had them\n`,
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
    io.stdout(
      JSON.stringify(redactor.redactJson({ app, namespace: values.namespace, objects, history }), null, 2) +
        '\n',
    );
  else {
    const lines = [`Application ${app} in namespace ${values.namespace}: ${objects.length} objects`, ''];
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
