/** A command's cluster from its --kubeconfig/--context (else $KUBECONFIG, ~/.kube/config), credentials masked. */
import path from 'node:path';
import { ClusterClient } from '../cluster/cluster-client.js';
import {
  KubeconfigError,
  findKubeconfig,
  kubeconfigSecrets,
  loadKubeconfigSource,
} from '../cluster/kubeconfig.js';
import type { Redactor } from '../sync/redactor.js';
import type { CliIo } from './io.js';

/** Undefined (the reason on stderr) when the kubeconfig is missing or unusable: the caller exits 2. */
export function connectCluster(
  command: string,
  values: { kubeconfig?: string; context?: string },
  io: CliIo,
  redactor: Redactor,
): ClusterClient | undefined {
  try {
    const source = findKubeconfig(
      { file: values.kubeconfig && path.resolve(io.cwd, values.kubeconfig) },
      io.env,
    );
    for (const s of kubeconfigSecrets(source.text)) redactor.add(s);
    return new ClusterClient(loadKubeconfigSource(source, values.context).kc);
  } catch (err) {
    if (!(err instanceof KubeconfigError)) throw err;
    io.stderr(`hook-sync ${command}: ${redactor.redact(err.message)}\n`);
    return undefined;
  }
}
