/** `hook-sync demo`: the embedded cluster, a sync of the examples with live hook logs, the result. */
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterClient } from '../../cluster/cluster-client.js';
import { EXIT, type CliIo } from '../io.js';
import { syncCommand } from './sync.js';

export const DEMO_USAGE = `Usage: hook-sync demo [paths…] [--time-scale F] [--image REF…]

Starts the embedded cluster, syncs the manifests (default: examples/app) into namespace "demo" with live
hook logs, prints the result and stops. Needs no cluster of your own.
Try examples/failing-migration to see a failed PreSync hook and the SyncFail hook.
--image REPOSITORY:TAG (repeatable) substitutes images as hook-sync sync --image does.
`;

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'time-scale': { type: 'string', default: '0.2' },
      json: { type: 'string' },
      image: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(DEMO_USAGE);
    return EXIT.ok;
  }
  // Imported here: the emulator is a large part of the bundle and no other command needs it.
  const { EmbeddedCluster } = await import('../../embedded-cluster/embedded-cluster.js');
  const cluster = await EmbeddedCluster.start({ timeScale: Number(values['time-scale']) });
  try {
    io.stdout(
      `embedded cluster at ${cluster.url} (simulated time x${(1 / Number(values['time-scale'])).toFixed(1)})\n`,
    );
    const nsType = cluster.api.registry.byKind('', 'Namespace')!;
    cluster.api.create(nsType, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'demo' },
    });
    const kc = new KubeConfig();
    kc.loadFromString(cluster.kubeconfig());
    const args = [
      ...(positionals.length ? positionals : ['examples/app']),
      '--namespace',
      'demo',
      ...(values.json ? ['--json', values.json] : []),
      ...(values.image ?? []).flatMap((image) => ['--image', image]),
    ];
    return await syncCommand(args, io, { client: new ClusterClient(kc) });
  } finally {
    await cluster.stop();
  }
}
