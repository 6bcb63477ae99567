/**
 * One simulated node and its kubelet: schedules pods onto itself (or says why it cannot), pulls images
 * (those whose name contains `does-not-exist` never pull), resolves env from ConfigMaps and Secrets, runs
 * containers' scripts, restarts them per restartPolicy with the real back-off, and reports it all in pod
 * status and Events, the way a person sees it in `kubectl describe pod`.
 */
import { fieldAt as get } from '../../json-fields.js';
import type { ClusterApi } from '../cluster-api.js';
import type { SimClock } from '../clock.js';
import type { EventRecorder } from '../controllers/event-recorder.js';
import type { Obj, StoreEvent } from '../object-store.js';
import type { ResourceType } from '../resource-types.js';
import type { ContainerLogs } from './container-logs.js';
import { ScriptSyntaxError, parseScript, programOf, runScript, type Program } from './shell-script.js';

export const NODE_NAME = 'embedded-node';
const NODE_LABELS: Record<string, string> = {
  'kubernetes.io/hostname': NODE_NAME,
  'kubernetes.io/os': 'linux',
  'kubernetes.io/arch': 'amd64',
  'node-role.kubernetes.io/control-plane': '',
};
const CAPACITY = { cpuMillis: 4000, memoryBytes: 16 * 1024 ** 3, pods: 110 };

/** Simulated durations (ms), scaled by the clock. */
export const KUBELET_TIMING = {
  imagePull: 400,
  containerStart: 100,
  configRetry: 5000,
  backoffStart: 10_000,
  backoffMax: 300_000,
};

type Rec = Record<string, unknown>;
type State =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | { terminated: Terminated };
interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}
interface ContainerStatus {
  name: string;
  image: string;
  state: State;
  lastState?: State;
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  imageID?: string;
}

class Killed extends Error {}

/** `busybox:1.36` → `docker.io/library/busybox:1.36`, as the container runtime names it. */
export function fullImageReference(image: string): string {
  const first = image.split('/')[0]!;
  const hasRegistry =
    image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const named = hasRegistry
    ? image
    : image.includes('/')
      ? `docker.io/${image}`
      : `docker.io/library/${image}`;
  const last = named.split('/').pop()!;
  return last.includes(':') || last.includes('@') ? named : `${named}:latest`;
}

function parseQuantity(q: unknown, memory: boolean): number {
  if (q === undefined || q === null) return 0;
  const s = String(q);
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(s);
  if (!m) return 0;
  const n = Number(m[1]);
  const unit = m[2]!;
  if (!memory) return unit === 'm' ? n : n * 1000;
  const bin: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
  const dec: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return n * (bin[unit] ?? dec[unit] ?? 1);
}

export class Kubelet {
  private readonly runtimes = new Map<string, PodRuntime>();
  private unsubscribe?: () => void;
  private podIPCounter = 2;
  readonly podType: ResourceType;

  constructor(
    readonly api: ClusterApi,
    readonly events: EventRecorder,
    readonly logs: ContainerLogs,
    readonly clock: SimClock,
  ) {
    this.podType = api.registry.byKind('', 'Pod')!;
  }

  start(): void {
    this.registerNode();
    this.unsubscribe = this.api.store.subscribe((e) => this.onEvent(e));
    for (const pod of this.api.store.list('/Pod')) this.adopt(pod);
  }

  stop(): void {
    this.unsubscribe?.();
    for (const r of this.runtimes.values()) r.kill();
    this.runtimes.clear();
  }

  nextPodIP(): string {
    const n = this.podIPCounter++;
    return `10.244.${Math.floor(n / 250)}.${(n % 250) + 1}`;
  }

  private registerNode(): void {
    const nodeType = this.api.registry.byKind('', 'Node')!;
    if (this.api.tryGet(nodeType, undefined, NODE_NAME)) return;
    const now = this.clock.timestamp();
    const node = this.api.create(
      nodeType,
      undefined,
      { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAME, labels: NODE_LABELS } },
      { fieldManager: 'kubelet' },
    );
    const resources = {
      cpu: String(CAPACITY.cpuMillis / 1000),
      memory: '16Gi',
      pods: String(CAPACITY.pods),
      'ephemeral-storage': '100Gi',
    };
    this.api.writeStatus(nodeType, node, {
      capacity: resources,
      allocatable: resources,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'DiskPressure',
          status: 'False',
          reason: 'KubeletHasNoDiskPressure',
          message: 'kubelet has no disk pressure',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'PIDPressure',
          status: 'False',
          reason: 'KubeletHasSufficientPID',
          message: 'kubelet has sufficient PID available',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
      addresses: [
        { type: 'InternalIP', address: '10.0.0.10' },
        { type: 'Hostname', address: NODE_NAME },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.0-hook-sync',
        operatingSystem: 'linux',
        architecture: 'amd64',
        containerRuntimeVersion: 'embedded://1.0',
        kernelVersion: 'embedded',
        osImage: 'hook-sync embedded cluster',
        kubeProxyVersion: 'v1.32.0',
        machineID: 'embedded',
        systemUUID: 'embedded',
        bootID: 'embedded',
      },
    });
  }

  private adopt(pod: Obj): void {
    if (this.runtimes.has(pod.metadata.uid)) return;
    // A pod restored from a state file that had already finished stays finished.
    const phase = (pod.status as Rec | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const runtime = new PodRuntime(this, pod);
    this.runtimes.set(pod.metadata.uid, runtime);
    void runtime.run().catch((err: unknown) => {
      if (!(err instanceof Killed)) console.error('embedded kubelet:', err);
    });
  }

  private onEvent(e: StoreEvent): void {
    if (e.gk === '/Pod') {
      if (e.type === 'ADDED') this.adopt(e.object);
      else if (e.type === 'DELETED') {
        const r = this.runtimes.get(e.object.metadata.uid);
        r?.kill();
        this.runtimes.delete(e.object.metadata.uid);
        this.logs.forget(e.object.metadata.namespace!, e.object.metadata.name);
      } else if (e.object.metadata.deletionTimestamp) this.runtimes.get(e.object.metadata.uid)?.terminate();
      return;
    }
    if (e.gk === '/ConfigMap' || e.gk === '/Secret' || e.gk === '/PersistentVolumeClaim') {
      for (const r of this.runtimes.values()) if (r.namespace === e.object.metadata.namespace) r.wake();
    }
  }
}

class PodRuntime {
  readonly namespace: string;
  readonly name: string;
  private readonly uid: string;
  private killed = false;
  private readonly cancels = new Set<() => void>();
  private readonly wakers = new Set<() => void>();
  private readonly init: ContainerStatus[] = [];
  private readonly main: ContainerStatus[] = [];
  private conditions: Rec[] = [];
  private phase = 'Pending';
  private podIP?: string;
  private startTime?: string;
  private readonly termination = new Map<string, string>();

  constructor(
    private readonly kubelet: Kubelet,
    private pod: Obj,
  ) {
    this.namespace = pod.metadata.namespace!;
    this.name = pod.metadata.name;
    this.uid = pod.metadata.uid;
    const spec = (pod.spec ?? {}) as Rec;
    const status = (c: Rec): ContainerStatus => ({
      name: String(c.name),
      image: String(c.image),
      state: { waiting: { reason: 'PodInitializing' } },
      restartCount: 0,
      ready: false,
      started: false,
    });
    for (const c of (spec.initContainers ?? []) as Rec[]) this.init.push(status(c));
    for (const c of (spec.containers ?? []) as Rec[])
      this.main.push({
        ...status(c),
        state: { waiting: { reason: this.init.length ? 'PodInitializing' : 'ContainerCreating' } },
      });
    kubelet.logs.register(
      this.namespace,
      this.name,
      this.init.map((c) => c.name),
      this.main.map((c) => c.name),
    );
  }

  private get api() {
    return this.kubelet.api;
  }
  private get clock() {
    return this.kubelet.clock;
  }
  private get spec(): Rec {
    return (this.pod.spec ?? {}) as Rec;
  }
  private get restartPolicy(): string {
    return String(this.spec.restartPolicy ?? 'Always');
  }

  kill(): void {
    this.killed = true;
    for (const c of this.cancels) c();
    this.cancels.clear();
  }

  /** Graceful deletion: containers are stopped; the API object goes when its deletion completes. */
  terminate(): void {
    if (this.killed) return;
    this.kill();
    for (const c of [...this.init, ...this.main]) this.kubelet.logs.stop(this.namespace, this.name, c.name);
  }

  wake(): void {
    for (const w of [...this.wakers]) w();
  }

  private sleep(simulatedMs: number, wakeable = false): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.killed) return reject(new Killed());
      let cancelTimer: () => void = () => {};
      const done = () => {
        this.cancels.delete(cancel);
        this.wakers.delete(done);
        cancelTimer();
        resolve();
      };
      const cancel = () => {
        cancelTimer();
        this.wakers.delete(done);
        reject(new Killed());
      };
      cancelTimer = this.clock.after(simulatedMs, done);
      this.cancels.add(cancel);
      if (wakeable) this.wakers.add(done);
    });
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const fieldPath = container
      ? `spec.${this.init.some((c) => c.name === container) ? 'initContainers' : 'containers'}{${container}}`
      : undefined;
    this.kubelet.events.record(this.current(), type, reason, message, 'kubelet', fieldPath);
  }

  private current(): Obj {
    return this.api.present(
      this.kubelet.podType,
      this.api.tryGet(this.kubelet.podType, this.namespace, this.name) ?? this.pod,
    );
  }

  private setCondition(type: string, status: 'True' | 'False', reason?: string, message?: string): void {
    const existing = this.conditions.find((c) => c.type === type);
    const now = this.clock.timestamp();
    if (existing && existing.status === status && existing.reason === reason && existing.message === message)
      return;
    const next: Rec = {
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime: existing?.status === status ? existing.lastTransitionTime : now,
    };
    if (reason) next.reason = reason;
    if (message) next.message = message;
    this.conditions = [...this.conditions.filter((c) => c.type !== type), next];
  }

  private publish(): void {
    if (this.killed) return;
    const status: Rec = {
      phase: this.phase,
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']
        .map((t) => this.conditions.find((c) => c.type === t))
        .filter(Boolean),
      qosClass: 'BestEffort',
    };
    if (get(this.pod, 'spec.nodeName')) {
      status.hostIP = '10.0.0.10';
      status.hostIPs = [{ ip: '10.0.0.10' }];
    }
    if (this.podIP) {
      status.podIP = this.podIP;
      status.podIPs = [{ ip: this.podIP }];
    }
    if (this.startTime) status.startTime = this.startTime;
    if (this.init.length) status.initContainerStatuses = this.init.map((c) => ({ ...c }));
    if (
      this.phase !== 'Pending' ||
      this.main.some((c) => c.started || 'terminated' in c.state) ||
      get(this.pod, 'spec.nodeName')
    ) {
      status.containerStatuses = this.main.map((c) => ({ ...c }));
    }
    const updated = this.api.writeStatus(this.kubelet.podType, this.pod, status);
    if (updated) this.pod = updated;
  }

  private schedulingProblem(): string | undefined {
    const selector = (this.spec.nodeSelector ?? {}) as Record<string, string>;
    const mismatch = Object.entries(selector).some(([k, v]) => NODE_LABELS[k] !== v);
    let cpu = 0;
    let memory = 0;
    for (const c of (this.spec.containers ?? []) as Rec[]) {
      cpu += parseQuantity(get(c, 'resources.requests.cpu'), false);
      memory += parseQuantity(get(c, 'resources.requests.memory'), true);
    }
    const reasons: string[] = [];
    if (mismatch) reasons.push("1 node(s) didn't match Pod's node affinity/selector");
    if (cpu > CAPACITY.cpuMillis) reasons.push('1 Insufficient cpu');
    if (memory > CAPACITY.memoryBytes) reasons.push('1 Insufficient memory');
    for (const v of (this.spec.volumes ?? []) as Rec[]) {
      const claim = get(v, 'persistentVolumeClaim.claimName');
      if (typeof claim !== 'string') continue;
      const pvc = this.api.store.get('/PersistentVolumeClaim', this.namespace, claim);
      if (!pvc)
        return `0/1 nodes are available: persistentvolumeclaim "${claim}" not found. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
      if (get(pvc, 'status.phase') !== 'Bound')
        return '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
    }
    if (!reasons.length) return undefined;
    return `0/1 nodes are available: ${reasons.join(', ')}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`;
  }

  private async schedule(): Promise<void> {
    const nodeName = get(this.pod, 'spec.nodeName');
    if (nodeName && nodeName !== NODE_NAME) await new Promise<never>(() => {}); // bound elsewhere: no kubelet runs it
    for (;;) {
      const problem = this.schedulingProblem();
      if (!problem) break;
      const first = !this.conditions.some(
        (c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable' && c.message === problem,
      );
      this.setCondition('PodScheduled', 'False', 'Unschedulable', problem);
      this.publish();
      if (first)
        this.kubelet.events.record(
          this.current(),
          'Warning',
          'FailedScheduling',
          problem,
          'default-scheduler',
        );
      await this.sleep(KUBELET_TIMING.configRetry, true);
    }
    if (!nodeName) {
      const bound = this.api.bindPod(this.pod, NODE_NAME);
      if (!bound) throw new Killed();
      this.pod = bound;
      this.kubelet.events.record(
        this.current(),
        'Normal',
        'Scheduled',
        `Successfully assigned ${this.namespace}/${this.name} to ${NODE_NAME}`,
        'default-scheduler',
      );
    }
    this.setCondition('PodScheduled', 'True');
    this.setCondition('PodReadyToStartContainers', 'False');
    this.setCondition(
      'Initialized',
      this.init.length ? 'False' : 'True',
      this.init.length ? 'ContainersNotInitialized' : undefined,
      this.init.length
        ? `containers with incomplete status: [${this.init.map((c) => c.name).join(' ')}]`
        : undefined,
    );
    this.setReadiness();
    this.startTime = this.clock.timestamp();
    this.publish();
  }

  private async mountVolumes(): Promise<void> {
    for (;;) {
      const missing: string[] = [];
      for (const v of (this.spec.volumes ?? []) as Rec[]) {
        const cm = get(v, 'configMap.name');
        const secret = get(v, 'secret.secretName');
        if (
          typeof cm === 'string' &&
          get(v, 'configMap.optional') !== true &&
          !this.api.store.get('/ConfigMap', this.namespace, cm)
        ) {
          missing.push(
            `MountVolume.SetUp failed for volume "${String(v.name)}" : configmap "${cm}" not found`,
          );
        }
        if (
          typeof secret === 'string' &&
          get(v, 'secret.optional') !== true &&
          !this.api.store.get('/Secret', this.namespace, secret)
        ) {
          missing.push(
            `MountVolume.SetUp failed for volume "${String(v.name)}" : secret "${secret}" not found`,
          );
        }
      }
      if (!missing.length) return;
      for (const m of missing) this.event('Warning', 'FailedMount', m);
      await this.sleep(KUBELET_TIMING.configRetry, true);
    }
  }

  /** The container's environment, or why it cannot be built (CreateContainerConfigError). */
  private environment(container: Rec): { env: Record<string, string> } | { error: string } {
    const env: Record<string, string> = {};
    const decode = (s: unknown) => Buffer.from(String(s ?? ''), 'base64').toString('utf8');
    for (const from of (container.envFrom ?? []) as Rec[]) {
      const prefix = String(from.prefix ?? '');
      const cmRef = from.configMapRef as Rec | undefined;
      const secretRef = from.secretRef as Rec | undefined;
      if (cmRef) {
        const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmRef.name));
        if (!cm) {
          if (cmRef.optional === true) continue;
          return { error: `configmap "${String(cmRef.name)}" not found` };
        }
        for (const [k, v] of Object.entries((cm.data ?? {}) as Rec)) env[prefix + k] = String(v);
      }
      if (secretRef) {
        const s = this.api.store.get('/Secret', this.namespace, String(secretRef.name));
        if (!s) {
          if (secretRef.optional === true) continue;
          return { error: `secret "${String(secretRef.name)}" not found` };
        }
        for (const [k, v] of Object.entries((s.data ?? {}) as Rec)) env[prefix + k] = decode(v);
      }
    }
    for (const e of (container.env ?? []) as Rec[]) {
      const name = String(e.name);
      if (e.value !== undefined) {
        env[name] = String(e.value).replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => env[v] ?? m);
        continue;
      }
      const cmKey = get(e, 'valueFrom.configMapKeyRef') as Rec | undefined;
      const secretKey = get(e, 'valueFrom.secretKeyRef') as Rec | undefined;
      const fieldRef = get(e, 'valueFrom.fieldRef.fieldPath');
      if (cmKey) {
        const cm = this.api.store.get('/ConfigMap', this.namespace, String(cmKey.name));
        const value = get(cm, `data`) as Rec | undefined;
        if (!cm) {
          if (cmKey.optional === true) continue;
          return { error: `configmap "${String(cmKey.name)}" not found` };
        }
        if (value?.[String(cmKey.key)] === undefined) {
          if (cmKey.optional === true) continue;
          return {
            error: `couldn't find key ${String(cmKey.key)} in ConfigMap ${this.namespace}/${String(cmKey.name)}`,
          };
        }
        env[name] = String(value[String(cmKey.key)]);
      } else if (secretKey) {
        const s = this.api.store.get('/Secret', this.namespace, String(secretKey.name));
        if (!s) {
          if (secretKey.optional === true) continue;
          return { error: `secret "${String(secretKey.name)}" not found` };
        }
        const data = (s.data ?? {}) as Rec;
        if (data[String(secretKey.key)] === undefined) {
          if (secretKey.optional === true) continue;
          return {
            error: `couldn't find key ${String(secretKey.key)} in Secret ${this.namespace}/${String(secretKey.name)}`,
          };
        }
        env[name] = decode(data[String(secretKey.key)]);
      } else if (typeof fieldRef === 'string') {
        const map: Record<string, string | undefined> = {
          'metadata.name': this.name,
          'metadata.namespace': this.namespace,
          'metadata.uid': this.uid,
          'spec.nodeName': NODE_NAME,
          'status.podIP': this.podIP,
          'status.hostIP': '10.0.0.10',
        };
        env[name] = map[fieldRef] ?? '';
      }
    }
    return { env };
  }

  private async pullImage(status: ContainerStatus, spec: Rec): Promise<void> {
    const image = String(spec.image ?? '');
    let backoff = KUBELET_TIMING.backoffStart;
    const present = spec.imagePullPolicy === 'IfNotPresent' && status.restartCount > 0;
    if (present) return;
    for (;;) {
      this.event('Normal', 'Pulling', `Pulling image "${image}"`, status.name);
      await this.sleep(KUBELET_TIMING.imagePull);
      const invalid =
        !/^[a-z0-9]+([._/:@-][A-Za-z0-9_.-]+)*$/.test(image) || /[A-Z]/.test(image.split(':')[0] ?? '');
      if (invalid) {
        const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
        status.state = { waiting: { reason: 'InvalidImageName', message } };
        this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'InvalidImageName');
        this.event('Warning', 'InspectFailed', message, status.name);
        this.publish();
        await this.sleep(KUBELET_TIMING.backoffMax, true);
        continue;
      }
      if (!image.includes('does-not-exist')) {
        this.event(
          'Normal',
          'Pulled',
          `Successfully pulled image "${image}" in ${KUBELET_TIMING.imagePull}ms (${KUBELET_TIMING.imagePull}ms including waiting). Image size: 4271245 bytes.`,
          status.name,
        );
        status.imageID = `${fullImageReference(image).split(':')[0]}@sha256:${'0'.repeat(64)}`;
        return;
      }
      const ref = fullImageReference(image);
      const pullMessage = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
      status.state = { waiting: { reason: 'ErrImagePull', message: pullMessage } };
      this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'trying and failing to pull image');
      this.event('Warning', 'Failed', `Failed to pull image "${image}": ${pullMessage}`, status.name);
      this.event('Warning', 'Failed', 'Error: ErrImagePull', status.name);
      this.publish();
      await this.sleep(KUBELET_TIMING.containerStart);
      status.state = {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image}": ErrImagePull: ${pullMessage}`,
        },
      };
      this.kubelet.logs.waiting(this.namespace, this.name, status.name, "image can't be pulled");
      this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`, status.name);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff', status.name);
      this.publish();
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
    }
  }

  private async prepare(status: ContainerStatus, spec: Rec): Promise<Record<string, string>> {
    await this.pullImage(status, spec);
    for (;;) {
      const env = this.environment(spec);
      if ('env' in env) return env.env;
      status.state = { waiting: { reason: 'CreateContainerConfigError', message: env.error } };
      this.kubelet.logs.waiting(this.namespace, this.name, status.name, 'CreateContainerConfigError');
      this.event('Warning', 'Failed', `Error: ${env.error}`, status.name);
      this.publish();
      await this.sleep(KUBELET_TIMING.configRetry, true);
    }
  }

  /** One run of a container, from start to exit. */
  private async runOnce(
    status: ContainerStatus,
    spec: Rec,
    env: Record<string, string>,
  ): Promise<Terminated> {
    await this.sleep(KUBELET_TIMING.containerStart);
    this.event('Normal', 'Created', `Created container: ${status.name}`, status.name);
    const startedAt = this.clock.timestamp();
    const containerID = `embedded://${this.uid.slice(0, 8)}-${status.name}-${status.restartCount}`;
    status.state = { running: { startedAt } };
    status.started = true;
    status.containerID = containerID;
    this.termination.delete(status.name);
    this.kubelet.logs.start(this.namespace, this.name, status.name);
    this.event('Normal', 'Started', `Started container ${status.name}`, status.name);
    this.onContainerStarted(status, spec);
    this.publish();

    const program: Program = programOf(spec);
    let exitCode = 0;
    let reason: string | undefined;
    if (program.kind === 'server') {
      await new Promise<never>((_resolve, reject) => this.cancels.add(() => reject(new Killed())));
    } else {
      try {
        const chains = parseScript(program.source, env);
        const outcome = await runScript(chains, {
          log: (text) => this.kubelet.logs.append(this.namespace, this.name, status.name, text),
          terminationMessage: (text, append) =>
            this.termination.set(
              status.name,
              (append ? (this.termination.get(status.name) ?? '') : '') + text,
            ),
          sleep: (ms) => this.sleep(ms),
        });
        exitCode = outcome.exitCode;
        reason = outcome.reason;
      } catch (err) {
        if (!(err instanceof ScriptSyntaxError)) throw err;
        this.kubelet.logs.append(this.namespace, this.name, status.name, `sh: syntax error: ${err.message}`);
        exitCode = 2;
      }
    }
    this.kubelet.logs.stop(this.namespace, this.name, status.name);
    let message = this.termination.get(status.name)?.replace(/\n$/, '');
    if (!message && exitCode !== 0 && spec.terminationMessagePolicy === 'FallbackToLogsOnError') {
      message = this.kubelet.logs.tail(this.namespace, this.name, status.name, 80).join('\n');
    }
    return {
      exitCode,
      reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
      ...(message ? { message } : {}),
      startedAt,
      finishedAt: this.clock.timestamp(),
      containerID,
    };
  }

  private onContainerStarted(status: ContainerStatus, spec: Rec): void {
    if (this.init.includes(status)) return;
    const delay = Number(get(spec, 'readinessProbe.initialDelaySeconds') ?? 0) * 1000;
    const markReady = () => {
      if (!('running' in status.state)) return;
      status.ready = true;
      this.setReadiness();
      this.publish();
    };
    if (delay > 0) {
      const cancel = this.clock.after(delay, markReady);
      this.cancels.add(cancel);
    } else status.ready = true;
    this.phase = 'Running';
    this.setReadiness();
  }

  private setReadiness(): void {
    const notReady = this.main.filter((c) => !c.ready).map((c) => c.name);
    const reason = notReady.length ? 'ContainersNotReady' : undefined;
    const message = notReady.length ? `containers with unready status: [${notReady.join(' ')}]` : undefined;
    this.setCondition('ContainersReady', notReady.length ? 'False' : 'True', reason, message);
    this.setCondition('Ready', notReady.length ? 'False' : 'True', reason, message);
  }

  /** Runs a container until it is done for good: returns its final exit code (init: 0 means continue). */
  private async runContainer(status: ContainerStatus, spec: Rec, isInit: boolean): Promise<number> {
    let backoff = KUBELET_TIMING.backoffStart;
    for (;;) {
      const env = await this.prepare(status, spec);
      const result = await this.runOnce(status, spec, env);
      status.state = { terminated: result };
      status.ready = false;
      if (!isInit) this.setReadiness();
      const policy = this.restartPolicy;
      const restart = isInit
        ? result.exitCode !== 0 && policy !== 'Never'
        : policy === 'Always' || (policy === 'OnFailure' && result.exitCode !== 0);
      if (!restart) {
        this.publish();
        return result.exitCode;
      }
      status.lastState = { terminated: result };
      status.restartCount++;
      this.kubelet.logs.keepAsPrevious(this.namespace, this.name, status.name);
      status.state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${Math.round(backoff / 1000)}s restarting failed container=${status.name} pod=${this.name}_${this.namespace}(${this.uid})`,
        },
      };
      this.event(
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${status.name} in pod ${this.name}_${this.namespace}(${this.uid})`,
        status.name,
      );
      this.publish();
      await this.sleep(backoff);
      backoff = Math.min(backoff * 2, KUBELET_TIMING.backoffMax);
    }
  }

  async run(): Promise<void> {
    if (this.pod.metadata.deletionTimestamp) return;
    await this.schedule();
    await this.mountVolumes();
    this.podIP = this.kubelet.nextPodIP();
    this.setCondition('PodReadyToStartContainers', 'True');
    this.publish();
    const specs = (list: string) => (this.spec[list] ?? []) as Rec[];
    for (const [i, status] of this.init.entries()) {
      const code = await this.runContainer(status, specs('initContainers')[i]!, true);
      if (code !== 0) {
        this.phase = 'Failed';
        for (const m of this.main) m.state = { waiting: { reason: 'PodInitializing' } };
        this.publish();
        return;
      }
    }
    if (this.init.length) {
      this.setCondition('Initialized', 'True');
      for (const m of this.main) m.state = { waiting: { reason: 'ContainerCreating' } };
      this.publish();
    }
    const codes = await Promise.all(
      this.main.map((status, i) => this.runContainer(status, specs('containers')[i]!, false)),
    );
    this.phase = codes.every((c) => c === 0) ? 'Succeeded' : 'Failed';
    this.setCondition('PodReadyToStartContainers', 'False');
    this.setReadiness();
    const reason = this.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    for (const t of ['Ready', 'ContainersReady']) this.setCondition(t, 'False', reason);
    this.publish();
  }
}
