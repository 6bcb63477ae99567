/** `hook-sync plan <paths…>`: what a sync would do, in order, before anything touches a cluster. */
import { parseArgs } from 'node:util';
import { overrideInputsFromFlags } from '../../manifests/image-overrides.js';
import { loadPlan } from '../../plan/load-plan.js';
import { planJson, renderPlanText } from '../../report/plan-report.js';
import { clusterErrorDetail } from '../../cluster/api-error.js';
import { changesJson, previewPlan } from '../../diff/live-preview.js';
import { pruneCandidates } from '../../lifecycle/inventory.js';
import { InventoryStore } from '../../lifecycle/inventory-store.js';
import { markOwnership } from '../../lifecycle/recovery.js';
import { renderPlanChangesText } from '../../report/plan-changes-text.js';
import { Redactor } from '../../sync/redactor.js';
import { defaultAppName } from '../app-name.js';
import { connectCluster } from '../cluster-connection.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { resolveRevision } from '../revision.js';
import type { Operation } from '../../hooks/phase.js';

export const PLAN_USAGE = `Usage: hook-sync plan <paths…> [options]

Shows the order in which a sync would apply every object and run every hook.

Paths are files, directories (searched recursively for .yaml, .yml and .json) or globs. A directory
holding a kustomization.yaml is rendered with "kubectl kustomize" instead (HOOK_SYNC_KUBECTL: another
kubectl).

Options:
  --revision SHA      revision the manifests come from (default: $GITHUB_SHA, else git HEAD)
  --namespace NS      namespace for objects that name none (default: default)
  --operation OP      sync (default) or delete (PreDelete and PostDelete hooks)
  --started-at UNIX   operation start in Unix seconds, used in generated hook names (default: now)
  --image REF         repeatable: REPOSITORY:TAG or REPOSITORY@sha256:DIGEST replaces the tag or digest
                      of every container (init containers and hooks too) whose image has that repository
  --json              print one JSON document instead of the listing
  --kubeconfig FILE   also compare with a cluster: what would be created, changed (field by field; Secret
                      values never shown) or unchanged, by server-side dry runs; nothing is written
  --context NAME      context of the kubeconfig
  --app NAME          with --kubeconfig: the application, whose inventory says what would be pruned
                      (default: the git checkout's folder name)
  --create-namespace  with --kubeconfig: the sync would create a missing namespace (all in it is new)
`;

export async function planCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      revision: { type: 'string' },
      namespace: { type: 'string', default: 'default' },
      operation: { type: 'string', default: 'sync' },
      'started-at': { type: 'string' },
      json: { type: 'boolean', default: false },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      app: { type: 'string' },
      image: { type: 'string', multiple: true },
      'create-namespace': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError('plan needs at least one path to manifests');
  if (values.operation !== 'sync' && values.operation !== 'delete') {
    throw new UsageError(`--operation must be sync or delete, not "${values.operation}"`);
  }
  let startedAt = Math.floor(Date.now() / 1000);
  if (values['started-at'] !== undefined) {
    startedAt = Number(values['started-at']);
    if (!Number.isSafeInteger(startedAt) || startedAt < 0) {
      throw new UsageError(`--started-at must be Unix seconds, not "${values['started-at']}"`);
    }
  }
  const plan = await loadPlan(positionals, {
    cwd: io.cwd,
    images: overrideInputsFromFlags(values.image),
    operation: values.operation as Operation,
    namespace: values.namespace,
    revision: resolveRevision(values.revision, io.env, io.cwd),
    startedAt,
  });
  if (!values.kubeconfig) {
    io.stdout(values.json ? JSON.stringify(planJson(plan), null, 2) + '\n' : renderPlanText(plan));
    return EXIT.ok;
  }
  const redactor = new Redactor();
  redactor.addSecretsOf(plan);
  const client = connectCluster('plan', values, io, redactor);
  if (!client) return EXIT.invalid;
  const app = values.app ?? defaultAppName(io.cwd);
  try {
    const previews = await previewPlan(markOwnership(plan, app), client, {
      createNamespace: values['create-namespace'],
    });
    const leaving = pruneCandidates(await new InventoryStore(client, app, plan.namespace).read(), plan);
    if (values.json)
      io.stdout(
        JSON.stringify(
          redactor.redactJson({
            ...planJson(plan),
            changes: changesJson(previews),
            wouldBePruned: leaving,
          }),
          null,
          2,
        ) + '\n',
      );
    else io.stdout(redactor.redact(renderPlanText(plan) + renderPlanChangesText(previews, leaving)));
    return EXIT.ok;
  } catch (err) {
    io.stderr(
      redactor.redact(
        `hook-sync plan: cannot compare with the cluster at ${client.server}: ${clusterErrorDetail(err)}\n`,
      ),
    );
    return EXIT.failed;
  }
}
