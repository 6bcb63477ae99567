/** `hook-sync cluster`: the embedded cluster as a server, for the demo, for kubectl, for local runs. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliIo } from '../io.js';

export const CLUSTER_USAGE = `Usage: hook-sync cluster [options]

Runs the embedded Kubernetes cluster (an API server with simulated controllers and a kubelet) on
127.0.0.1 until interrupted (SIGINT or SIGTERM).

Options:
  --port N            port to listen on (default 0: any free port)
  --kubeconfig FILE   write a kubeconfig for the cluster to FILE once it is ready
  --state FILE        load objects from FILE at start and keep saving them there
  --time-scale F      multiply every simulated duration by F (0.1: ten times faster; default 1)
  --latency-ms N      add N ms to every request
  --error-rate R      answer a fraction R (0–1) of requests with 429, 500, 503 or a connection reset
  --throttle-rate R   answer a fraction R of requests with 429 and Retry-After
  --retry-after-s N   the Retry-After of every 429, in seconds (default 1; 0: none sent)
  --reset-rate R      destroy the connection of a fraction R of requests before any answer
  --lost-response-rate R
                      do a fraction R of writes, then destroy the connection: the answer is lost
  --watch-cut-ms N    close every watch stream after N ms
  --watch-gone-rate R answer a fraction R of watches resumed from a resourceVersion with 410 Gone
  --watch-delay-ms N  deliver watch events N ms after the writes that made them (a lagging watch cache)
  --log-cut-ms N      end every log stream that follows a running container after N ms
  --seed N            seed for generated names and injected faults
`;

function number(
  value: string | undefined,
  flag: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new UsageError(
      `${flag} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, not "${value}"`,
    );
  return n;
}

export async function clusterCommand(
  argv: string[],
  io: CliIo,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      port: { type: 'string' },
      kubeconfig: { type: 'string' },
      state: { type: 'string' },
      'time-scale': { type: 'string' },
      'latency-ms': { type: 'string' },
      'error-rate': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'retry-after-s': { type: 'string' },
      'reset-rate': { type: 'string' },
      'lost-response-rate': { type: 'string' },
      'watch-cut-ms': { type: 'string' },
      'watch-gone-rate': { type: 'string' },
      'watch-delay-ms': { type: 'string' },
      'log-cut-ms': { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(CLUSTER_USAGE);
    return EXIT.ok;
  }
  void positionals;
  // Imported here: the emulator is a large part of the bundle and no other command needs it.
  const { EmbeddedCluster } = await import('../../embedded-cluster/embedded-cluster.js');
  const cluster = await EmbeddedCluster.start({
    port: number(values.port, '--port', 0, 65535),
    stateFile: values.state,
    timeScale: number(values['time-scale'], '--time-scale', 0),
    seed: number(values.seed, '--seed', 0),
    faults: {
      latencyMs: number(values['latency-ms'], '--latency-ms', 0) ?? 0,
      errorRate: number(values['error-rate'], '--error-rate', 0, 1) ?? 0,
      throttleRate: number(values['throttle-rate'], '--throttle-rate', 0, 1) ?? 0,
      retryAfterSeconds: number(values['retry-after-s'], '--retry-after-s', 0, 3600) ?? 1,
      resetRate: number(values['reset-rate'], '--reset-rate', 0, 1) ?? 0,
      lostResponseRate: number(values['lost-response-rate'], '--lost-response-rate', 0, 1) ?? 0,
      watchCutMs: number(values['watch-cut-ms'], '--watch-cut-ms', 0) ?? 0,
      watchGoneRate: number(values['watch-gone-rate'], '--watch-gone-rate', 0, 1) ?? 0,
      watchDelayMs: number(values['watch-delay-ms'], '--watch-delay-ms', 0) ?? 0,
      logCutMs: number(values['log-cut-ms'], '--log-cut-ms', 0) ?? 0,
    },
  });
  if (values.kubeconfig) cluster.writeKubeconfig(values.kubeconfig);
  io.stdout(
    `embedded cluster listening on ${cluster.url}${values.kubeconfig ? `; kubeconfig written to ${values.kubeconfig}` : ''}\n`,
  );
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    signals.once('SIGINT', done);
    signals.once('SIGTERM', done);
  });
  await cluster.stop();
  io.stdout('embedded cluster stopped\n');
  return EXIT.ok;
}
