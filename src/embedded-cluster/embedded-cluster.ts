/**
 * The embedded cluster: an in-process Kubernetes API server with simulated controllers and a kubelet,
 * listening on 127.0.0.1. Start it from tests with `EmbeddedCluster.start()`, or from a shell with
 * `hook-sync cluster`; point kubectl or any client at the kubeconfig it writes.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ClusterHttpServer, type RequestRecord } from './api/http-server.js';
import { ClusterApi } from './cluster-api.js';
import { SimClock } from './clock.js';
import { ControllerManager } from './controllers/controller.js';
import { CrdController } from './controllers/crd-controller.js';
import { DaemonSetController } from './controllers/daemonset-controller.js';
import { DeploymentController } from './controllers/deployment-controller.js';
import { EventRecorder } from './controllers/event-recorder.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { JobController } from './controllers/job-controller.js';
import { NamespaceController } from './controllers/namespace-controller.js';
import {
  HorizontalPodAutoscalerController,
  IngressController,
  PersistentVolumeClaimController,
  ServiceController,
} from './controllers/network-and-storage-controllers.js';
import { ReplicaSetController } from './controllers/replicaset-controller.js';
import { ServiceAccountController } from './controllers/service-account-controller.js';
import { StatefulSetController } from './controllers/statefulset-controller.js';
import { AccessRules } from './access-rules.js';
import { Faults, type FaultSettings } from './faults.js';
import { ContainerLogs } from './kubelet/container-logs.js';
import { Kubelet } from './kubelet/kubelet.js';
import { ObjectStore, type Obj, type StoreEvent } from './object-store.js';
import { SeededRandom } from './random.js';
import { ResourceRegistry } from './resource-types.js';

export interface EmbeddedClusterOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Multiplies every simulated duration: 0.1 runs ten times faster. Default 1. */
  timeScale?: number;
  faults?: Partial<FaultSettings>;
  /** Objects are loaded from and saved to this file. */
  stateFile?: string;
  /** Seed for generated names and fault injection. */
  seed?: number;
  bookmarkIntervalMs?: number;
  /** Past events a watch can resume from before 410 Gone. */
  watchCacheSize?: number;
  /**
   * Authentication, off by default (kubectl sends no credentials over plain HTTP). A bearer token, and/or
   * (with tls) client certificates signed by clientCA.
   */
  auth?: { token?: string; clientCA?: string };
  /** Serve HTTPS (PEM certificate and key); the kubeconfig then trusts `tls.ca` instead of skipping verification. */
  tls?: { cert: string; key: string; ca: string };
}

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export const KUBECONFIG_CONTEXT = 'embedded';

export class EmbeddedCluster {
  private saveTimer?: NodeJS.Timeout;
  private unsubscribeSave?: () => void;
  private stopped = false;

  private constructor(
    readonly url: string,
    readonly api: ClusterApi,
    readonly store: ObjectStore,
    readonly clock: SimClock,
    readonly faults: Faults,
    readonly logs: ContainerLogs,
    private readonly server: ClusterHttpServer,
    private readonly controllers: ControllerManager,
    private readonly kubelet: Kubelet,
    private readonly stateFile: string | undefined,
    private readonly tlsCa: string | undefined,
    /** Deny a verb on a resource (a 403, as RBAC would), e.g. reading Secrets. */
    readonly access: AccessRules,
  ) {}

  static async start(options: EmbeddedClusterOptions = {}): Promise<EmbeddedCluster> {
    const random = new SeededRandom(options.seed ?? 0x5eed);
    const registry = new ResourceRegistry();
    const store = new ObjectStore(options.watchCacheSize ?? 20_000);
    const clock = new SimClock(options.timeScale ?? 1);
    if (options.stateFile && existsSync(options.stateFile)) {
      store.restore(
        JSON.parse(readFileSync(options.stateFile, 'utf8')) as Parameters<ObjectStore['restore']>[0],
      );
    }
    const api = new ClusterApi(registry, store, clock, random);
    const nsType = registry.byKind('', 'Namespace')!;
    for (const ns of SYSTEM_NAMESPACES) {
      if (!api.tryGet(nsType, undefined, ns))
        api.create(
          nsType,
          undefined,
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
          { fieldManager: 'kube-apiserver' },
        );
    }
    const faults = new Faults(new SeededRandom((options.seed ?? 0x5eed) ^ 0xfa017));
    faults.set(options.faults ?? {});
    const logs = new ContainerLogs();
    const events = new EventRecorder(api);
    const kubelet = new Kubelet(api, events, logs, clock);
    const controllers = new ControllerManager({ api, events, clock, random });
    controllers.add((ctx) => new CrdController(ctx));
    controllers.add((ctx) => new GarbageCollector(ctx));
    controllers.add((ctx) => new NamespaceController(ctx));
    controllers.add((ctx) => new ServiceAccountController(ctx));
    controllers.add((ctx) => new JobController(ctx));
    controllers.add((ctx) => new DeploymentController(ctx));
    controllers.add((ctx) => new ReplicaSetController(ctx));
    controllers.add((ctx) => new StatefulSetController(ctx));
    controllers.add((ctx) => new DaemonSetController(ctx));
    controllers.add((ctx) => new ServiceController(ctx));
    controllers.add((ctx) => new IngressController(ctx));
    controllers.add((ctx) => new PersistentVolumeClaimController(ctx));
    controllers.add((ctx) => new HorizontalPodAutoscalerController(ctx));
    const access = new AccessRules();
    const server = new ClusterHttpServer({
      api,
      faults,
      access,
      logs,
      bookmarkIntervalMs: options.bookmarkIntervalMs,
      requireToken: options.auth?.token,
      clientCA: options.auth?.clientCA,
      tls: options.tls,
    });
    const url = await server.listen(options.port ?? 0);
    const cluster = new EmbeddedCluster(
      url,
      api,
      store,
      clock,
      faults,
      logs,
      server,
      controllers,
      kubelet,
      options.stateFile,
      options.tls?.ca,
      access,
    );
    controllers.start();
    kubelet.start();
    if (options.stateFile) cluster.persistOnChange();
    return cluster;
  }

  /** Requests the server answered, for tests that assert what a client did (or did not) send. */
  get requests(): readonly RequestRecord[] {
    return this.server.requests;
  }

  /** A kubeconfig for this cluster. kubectl and @kubernetes/client-node both accept it. */
  kubeconfig(): string {
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: ${KUBECONFIG_CONTEXT}`,
      '  cluster:',
      `    server: ${this.url}`,
      this.tlsCa
        ? `    certificate-authority-data: ${Buffer.from(this.tlsCa).toString('base64')}`
        : '    insecure-skip-tls-verify: true',
      'users:',
      `- name: ${KUBECONFIG_CONTEXT}`,
      '  user:',
      '    token: embedded-cluster-token',
      'contexts:',
      `- name: ${KUBECONFIG_CONTEXT}`,
      '  context:',
      `    cluster: ${KUBECONFIG_CONTEXT}`,
      `    user: ${KUBECONFIG_CONTEXT}`,
      '    namespace: default',
      `current-context: ${KUBECONFIG_CONTEXT}`,
      '',
    ].join('\n');
  }

  writeKubeconfig(file: string): void {
    writeFileSync(file, this.kubeconfig(), { mode: 0o600 });
  }

  /** Resolves when `predicate` holds for the cluster's objects; re-checked on every change. */
  waitFor<T>(predicate: () => T | undefined | false, description = 'condition'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate();
        if (value) {
          unsubscribe();
          resolve(value);
          return true;
        }
        return false;
      };
      const unsubscribe = this.store.subscribe(() => {
        try {
          check();
        } catch (err) {
          unsubscribe();
          reject(err);
        }
      });
      if (this.stopped) {
        unsubscribe();
        reject(new Error(`cluster stopped while waiting for ${description}`));
        return;
      }
      check();
    });
  }

  /** An object as stored (group "" for the core group), or undefined. */
  object(group: string, kind: string, namespace: string | undefined, name: string): Obj | undefined {
    return this.store.get(`${group}/${kind}`, namespace, name);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.store.subscribe(listener);
  }

  private persistOnChange(): void {
    this.unsubscribeSave = this.store.subscribe(() => {
      if (this.saveTimer) return;
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        this.saveState();
      }, 200);
    });
  }

  saveState(): void {
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.store.snapshot()));
    renameSync(tmp, this.stateFile);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.unsubscribeSave?.();
    this.controllers.stop();
    this.kubelet.stop();
    this.clock.stop();
    await this.server.close();
    this.saveState();
  }
}
