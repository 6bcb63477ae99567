/**
 * A hook can print any value its pods can see. Before its logs are read, the Secrets its pods reference
 * (env, envFrom, volumes, projected volumes) are read from the cluster and every value is masked; the
 * manifests' own Secrets are masked already. When a Secret cannot be read (RBAC), hook-sync cannot know
 * what to mask, so that hook's logs are kept out of everything it writes, and a warning says why.
 */
import type { ClusterClient, Json } from '../cluster/cluster-client.js';
import { KubeApiError } from '../cluster/api-error.js';
import { podReferences, podSpecOf } from '../plan/reference-order.js';
import type { SyncTask } from '../plan/sync-task.js';
import type { Redactor } from './redactor.js';

export class HookSecrets {
  constructor(
    private readonly client: ClusterClient,
    private readonly redactor: Redactor,
    /** Each value found, so the action can have the runner mask it too. */
    private readonly onSecret: (value: string) => void = () => {},
  ) {}

  /** Masks what the hook's pods can read, as its manifest says; why its logs must be withheld, if they must. */
  async prepare(task: SyncTask): Promise<string | undefined> {
    const pod = podSpecOf(task);
    if (!pod || !task.namespace) return undefined;
    return this.maskReferences(pod, task.namespace);
  }

  /**
   * The same for a pod as it runs: its spec may reference more than the manifest showed (a Workflow's or
   * custom resource's pods, an injected sidecar), and a Secret may exist by now that did not before.
   */
  async prepareForPod(pod: Json): Promise<string | undefined> {
    const meta = (pod.metadata ?? {}) as Json;
    const spec = pod.spec;
    if (!spec || typeof spec !== 'object' || typeof meta.namespace !== 'string') return undefined;
    return this.maskReferences(spec as Json, meta.namespace);
  }

  private async maskReferences(pod: Json, namespace: string): Promise<string | undefined> {
    const names = [
      ...new Set(
        podReferences(pod, true)
          .filter((r) => r.kind === 'Secret')
          .map((r) => r.name),
      ),
    ];
    const unreadable: string[] = [];
    for (const name of names) {
      try {
        const secret = await this.client.get({
          apiVersion: 'v1',
          kind: 'Secret',
          namespace,
          name,
        });
        if (secret) this.mask(secret);
      } catch (err) {
        if (err instanceof KubeApiError && (err.code === 401 || err.code === 403)) unreadable.push(name);
        else throw err;
      }
    }
    if (!unreadable.length) return undefined;
    const list = unreadable.map((n) => `"${n}"`).join(', ');
    return `its logs are not shown: hook-sync may not read Secret ${list} in namespace ${namespace}, which its pods use, so it could not mask their values (grant "get" on secrets to hook-sync's credentials, or read the logs with kubectl)`;
  }

  private mask(secret: Json): void {
    const before = new Set(this.redactor.values);
    this.redactor.addSecretObject(secret);
    for (const v of this.redactor.values) if (!before.has(v)) this.onSecret(v);
  }
}
