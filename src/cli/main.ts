/** The `hook-sync` command: dispatches to a sub-command and maps outcomes to exit codes. */
import { InvalidInputError, formatDiagnostic } from '../diagnostics.js';
import { CLUSTER_USAGE, clusterCommand } from './commands/cluster.js';
import { DEMO_USAGE, demoCommand } from './commands/demo.js';
import { HEALTH_USAGE, healthCommand } from './commands/health.js';
import { DELETE_USAGE, SYNC_USAGE, deleteCommand, syncCommand } from './commands/sync.js';
import { PLAN_USAGE, planCommand } from './commands/plan.js';
import { STATUS_USAGE, statusCommand } from './commands/status.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { usageMessage } from './usage-message.js';
import packageJson from '../../package.json' with { type: 'json' };

/** package.json's version, bundled into dist/ (a version bump makes dist/ stale, as it should). */
export const VERSION: string = packageJson.version;

const USAGE = `Usage: hook-sync <command> [options]

Commands:
  plan <paths…>    show what a sync would do, in order, without a cluster
  sync <paths…>    run the sync against a cluster (PreSync, Sync waves, PostSync, SyncFail; --prune)
  delete [paths…]  delete an application: PreDelete hooks, its objects, PostDelete hooks (--app NAME)
  status           what an application owns in the cluster, its health and its last operations
  demo [paths…]    sync the examples into the embedded cluster, with live hook logs
  health <files…>  judge live objects (kubectl get -o yaml output) as a sync would
  cluster          run the embedded Kubernetes cluster (for the demo, tests and kubectl)

Run "hook-sync <command> --help" for a command's options; "hook-sync --version" for the version.
`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  plan: { run: planCommand, usage: PLAN_USAGE },
  sync: { run: (argv, io) => syncCommand(argv, io), usage: SYNC_USAGE },
  delete: { run: (argv, io) => deleteCommand(argv, io), usage: DELETE_USAGE },
  status: { run: statusCommand, usage: STATUS_USAGE },
  demo: { run: demoCommand, usage: DEMO_USAGE },
  health: { run: healthCommand, usage: HEALTH_USAGE },
  cluster: { run: (argv, io) => clusterCommand(argv, io), usage: CLUSTER_USAGE },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.invalid;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`hook-sync: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.invalid;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof InvalidInputError) {
      for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
      const errors = err.diagnostics.filter((d) => d.severity === 'error').length;
      const applies = name !== 'health'; // health only reads
      io.stderr(
        `hook-sync: ${errors} error${errors === 1 ? '' : 's'}${applies ? '; nothing was applied' : ''}\n`,
      );
      return EXIT.invalid;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`hook-sync ${name}: ${usageMessage(err as Error, command.usage)}\n\n${command.usage}`);
      return EXIT.invalid;
    }
    io.stderr(`hook-sync ${name}: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT.failed;
  }
}
