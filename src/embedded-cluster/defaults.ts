/**
 * Defaults the API server fills in on create, limited to the ones clients and controllers rely on
 * (restartPolicy, a Job's selector and labels, a Deployment's strategy, a Service's cluster IP…).
 */
import type { Obj } from './object-store.js';
import type { SeededRandom } from './random.js';
import type { ResourceType } from './resource-types.js';

type Rec = Record<string, unknown>;

function rec(parent: Rec, field: string): Rec {
  const v = parent[field];
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Rec;
  const created: Rec = {};
  parent[field] = created;
  return created;
}

function setDefault(target: Rec, field: string, value: unknown): void {
  if (target[field] === undefined) target[field] = value;
}

function defaultContainer(c: Rec): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  const image = typeof c.image === 'string' ? c.image : '';
  const tag = image.includes('@') ? 'digest' : (image.split('/').pop() ?? '').split(':')[1];
  setDefault(c, 'imagePullPolicy', !tag || tag === 'latest' ? 'Always' : 'IfNotPresent');
  if (Array.isArray(c.ports)) for (const p of c.ports as Rec[]) setDefault(p, 'protocol', 'TCP');
}

export function defaultPodSpec(spec: Rec): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  for (const list of ['containers', 'initContainers']) {
    if (Array.isArray(spec[list]))
      for (const c of spec[list] as Rec[]) if (c && typeof c === 'object') defaultContainer(c);
  }
}

function defaultTemplate(spec: Rec): void {
  const template = rec(spec, 'template');
  rec(template, 'metadata');
  defaultPodSpec(rec(template, 'spec'));
}

export interface DefaultsContext {
  random: SeededRandom;
  allocateClusterIP: () => string;
}

export function applyCreateDefaults(type: ResourceType, obj: Obj, ctx: DefaultsContext): void {
  const spec = () => rec(obj, 'spec');
  switch (`${type.group}/${type.kind}`) {
    case '/Pod': {
      defaultPodSpec(spec());
      obj.status = { phase: 'Pending', qosClass: 'BestEffort' };
      break;
    }
    case '/Namespace': {
      setDefault(spec(), 'finalizers', ['kubernetes']);
      obj.status = { phase: 'Active' };
      obj.metadata.labels = {
        ...(obj.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': obj.metadata.name,
      };
      break;
    }
    case '/Secret': {
      setDefault(obj, 'type', 'Opaque');
      if (obj.stringData && typeof obj.stringData === 'object') {
        const data = rec(obj, 'data');
        for (const [k, v] of Object.entries(obj.stringData as Rec))
          data[k] = Buffer.from(String(v)).toString('base64');
        delete obj.stringData;
      }
      break;
    }
    case '/Service': {
      const s = spec();
      setDefault(s, 'type', 'ClusterIP');
      setDefault(s, 'sessionAffinity', 'None');
      if (s.type !== 'ExternalName') {
        if (s.clusterIP === undefined) s.clusterIP = ctx.allocateClusterIP();
        setDefault(s, 'clusterIPs', [s.clusterIP]);
        setDefault(s, 'ipFamilies', ['IPv4']);
        setDefault(s, 'ipFamilyPolicy', 'SingleStack');
        setDefault(s, 'internalTrafficPolicy', 'Cluster');
      }
      if (Array.isArray(s.ports)) {
        for (const p of s.ports as Rec[]) {
          setDefault(p, 'protocol', 'TCP');
          setDefault(p, 'targetPort', p.port);
          if (s.type === 'NodePort' || s.type === 'LoadBalancer')
            setDefault(p, 'nodePort', 30000 + Math.floor(ctx.random.next() * 2767));
        }
      }
      if (s.type === 'LoadBalancer') setDefault(s, 'externalTrafficPolicy', 'Cluster');
      obj.status = { loadBalancer: {} };
      break;
    }
    case '/PersistentVolumeClaim': {
      setDefault(spec(), 'volumeMode', 'Filesystem');
      setDefault(spec(), 'storageClassName', 'standard');
      obj.status = { phase: 'Pending' };
      break;
    }
    case 'batch/Job': {
      const s = spec();
      setDefault(s, 'parallelism', 1);
      setDefault(s, 'completions', 1);
      setDefault(s, 'backoffLimit', 6);
      setDefault(s, 'completionMode', 'NonIndexed');
      setDefault(s, 'suspend', false);
      setDefault(s, 'podReplacementPolicy', 'TerminatingOrFailed');
      defaultTemplate(s);
      if (!s.manualSelector) {
        const uid = obj.metadata.uid;
        const name = obj.metadata.name;
        s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
        const tmeta = rec(rec(s, 'template'), 'metadata');
        tmeta.labels = {
          ...((tmeta.labels as Rec) ?? {}),
          'batch.kubernetes.io/controller-uid': uid,
          'batch.kubernetes.io/job-name': name,
          'controller-uid': uid,
          'job-name': name,
        };
      }
      break;
    }
    case 'batch/CronJob': {
      const s = spec();
      setDefault(s, 'concurrencyPolicy', 'Allow');
      setDefault(s, 'suspend', false);
      setDefault(s, 'successfulJobsHistoryLimit', 3);
      setDefault(s, 'failedJobsHistoryLimit', 1);
      break;
    }
    case 'apps/Deployment': {
      const s = spec();
      setDefault(s, 'replicas', 1);
      setDefault(s, 'revisionHistoryLimit', 10);
      setDefault(s, 'progressDeadlineSeconds', 600);
      setDefault(s, 'strategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      });
      defaultTemplate(s);
      break;
    }
    case 'apps/ReplicaSet': {
      setDefault(spec(), 'replicas', 1);
      defaultTemplate(spec());
      break;
    }
    case 'apps/StatefulSet': {
      const s = spec();
      setDefault(s, 'replicas', 1);
      setDefault(s, 'podManagementPolicy', 'OrderedReady');
      setDefault(s, 'revisionHistoryLimit', 10);
      setDefault(s, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      defaultTemplate(s);
      break;
    }
    case 'apps/DaemonSet': {
      const s = spec();
      setDefault(s, 'revisionHistoryLimit', 10);
      setDefault(s, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
      });
      defaultTemplate(s);
      break;
    }
  }
  if (type.statusSubresource && obj.status === undefined) obj.status = {};
}
