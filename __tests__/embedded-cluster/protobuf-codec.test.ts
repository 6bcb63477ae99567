// The protobuf codec on its own: the bytes real kubectl sends and round trips of real objects (its rules
// and errors: protobuf-codec-rules.test.ts).
import { describe, expect, it } from '@jest/globals';
import { decodeObject } from '../../src/embedded-cluster/protobuf/decode.js';
import { encodeObject } from '../../src/embedded-cluster/protobuf/encode.js';

const roundTrip = (obj: Record<string, unknown>) => decodeObject(encodeObject(obj));

// Request bodies captured from kubectl v1.32: `kubectl create namespace shop`, `create deployment d1
// --image=nginx --replicas=2 --port=80`, `create service clusterip svc1 --tcp=80:8080`, and auth can-i.
const KUBECTL_BODIES = {
  namespace:
    '6b3873000a0f0a02763112094e616d657370616365121c0a140a0473686f7012001a0022002a0032003800420012001a020a001a002200',
  deployment:
    '6b3873000a150a07617070732f7631120a4465706c6f796d656e7412b4010a1d0a02643112001a0022002a003200380042005a090a03617070120264311284010802120b0a090a03617070120264311a6b0a1b0a0012001a0022002a003200380042005a090a0361707012026431124c122e0a056e67696e7812056e67696e782a00320a0a001000185022002a0042006a007200800100880100900100a201001a00320042004a0052005800600068008201008a01009a0100c2010022020a00280038001a0c0800100018002000280038001a002200',
  // `kubectl auth can-i create deployments.apps -n shop` and `kubectl auth can-i --list -n shop`.
  accessReview:
    '6b3873000a320a17617574686f72697a6174696f6e2e6b38732e696f2f7631121753656c665375626a65637441636365737352657669657712470a100a0012001a0022002a0032003800420012290a270a0473686f7012066372656174651a046170707322002a0b6465706c6f796d656e747332003a001a08080012001a0020001a002200',
  rulesReview:
    '6b3873000a310a17617574686f72697a6174696f6e2e6b38732e696f2f7631121653656c665375626a65637452756c657352657669657712200a100a0012001a0022002a0032003800420012060a0473686f701a04180022001a002200',
  service:
    '6b3873000a0d0a027631120753657276696365126c0a210a047376633112001a0022002a003200380042005a0b0a0361707012047376633112430a1b0a0738302d38303830120354435018502207080010903f1a002800120b0a036170701204737663311a002209436c757374657249503a00420052005a00600068001a020a001a002200',
};

describe('decoding what kubectl sends', () => {
  it('reads the bytes as the JSON kubectl --dry-run=client -o json prints (nulls left out)', () => {
    expect(decodeObject(Buffer.from(KUBECTL_BODIES.namespace, 'hex'))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
      spec: {},
      status: {},
    });
    expect(decodeObject(Buffer.from(KUBECTL_BODIES.deployment, 'hex'))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd1', labels: { app: 'd1' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'd1' } },
        template: {
          metadata: { labels: { app: 'd1' } },
          spec: {
            containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }],
          },
        },
        strategy: {},
      },
      status: {},
    });
    expect(decodeObject(Buffer.from(KUBECTL_BODIES.service, 'hex'))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc1', labels: { app: 'svc1' } },
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }],
        selector: { app: 'svc1' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('reads what kubectl auth can-i posts', () => {
    expect(decodeObject(Buffer.from(KUBECTL_BODIES.accessReview, 'hex'))).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: {},
      spec: {
        resourceAttributes: { namespace: 'shop', verb: 'create', group: 'apps', resource: 'deployments' },
      },
      status: { allowed: false },
    });
    expect(decodeObject(Buffer.from(KUBECTL_BODIES.rulesReview, 'hex'))).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectRulesReview',
      metadata: {},
      spec: { namespace: 'shop' },
      status: { incomplete: false },
    });
  });
});

const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: '6f1c8a52-1d7e-4b7a-9a43-0d8f3c2b1a00',
    resourceVersion: '812',
    generation: 3,
    creationTimestamp: '2024-05-01T12:00:00.123Z',
    labels: { app: 'web', tier: 'frontend' },
    annotations: { 'deployment.kubernetes.io/revision': '2' },
    ownerReferences: [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'owner',
        uid: 'abc',
        controller: true,
        blockOwnerDeletion: false,
      },
    ],
    finalizers: ['example.com/keep'],
    managedFields: [
      {
        manager: 'kubectl-create',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T12:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:replicas': {} } },
      },
    ],
  },
  spec: {
    replicas: 0,
    selector: {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }],
    },
    template: {
      metadata: { labels: { app: 'web', tier: 'frontend' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx:1.27',
            args: ['-g', 'daemon off;'],
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
            env: [
              { name: 'MODE', value: 'fast' },
              { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'creds', key: 'token', optional: true } } },
            ],
            resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '1Gi' } },
            livenessProbe: {
              httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
              initialDelaySeconds: 5,
              periodSeconds: 10,
              failureThreshold: 3,
            },
            readinessProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 1 },
            securityContext: { runAsNonRoot: true, runAsUser: 1000, readOnlyRootFilesystem: false },
          },
        ],
        volumes: [
          { name: 'config', configMap: { name: 'settings', defaultMode: 420 } },
          { name: 'scratch', emptyDir: { sizeLimit: '1Gi' } },
        ],
        terminationGracePeriodSeconds: 30,
        securityContext: { supplementalGroups: [1000, 2000] },
      },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
  },
  status: {
    observedGeneration: 3,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: '2024-05-01T12:00:05Z',
        lastTransitionTime: '2024-05-01T12:00:05.250Z',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
    ],
  },
};

describe('round trips of real objects', () => {
  it('a Deployment with probes, resources, int-or-string, inlined volume sources and managed fields', () => {
    expect(roundTrip(DEPLOYMENT)).toEqual(DEPLOYMENT);
  });

  it('a Secret with binary data, string data and an explicit immutable: false', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'creds', namespace: 'shop' },
      immutable: false,
      data: {
        blob: Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64'),
        empty: '',
        token: Buffer.from('s3cr3t').toString('base64'),
      },
      stringData: { extra: 'plain' },
      type: 'Opaque',
    };
    expect(roundTrip(secret)).toEqual(secret);
  });

  it('a List, with its list metadata and items without apiVersion and kind', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'PodList',
      metadata: { resourceVersion: '1200', continue: 'eyJzdGFydCI6NX0=' },
      items: [
        {
          metadata: { name: 'a', namespace: 'shop' },
          spec: { containers: [{ name: 'c', image: 'busybox', resources: {} }], restartPolicy: 'Never' },
          status: {
            phase: 'Succeeded',
            startTime: '2024-05-01T12:00:00Z',
            containerStatuses: [
              {
                name: 'c',
                state: {
                  terminated: { exitCode: 0, reason: 'Completed', startedAt: '2024-05-01T12:00:01Z' },
                },
                lastState: {},
                ready: false,
                restartCount: 0,
                image: 'busybox',
                imageID: '',
              },
            ],
          },
        },
        { metadata: { name: 'b', namespace: 'shop' }, spec: { containers: [] }, status: {} },
      ],
    };
    expect(roundTrip(list)).toEqual({
      ...list,
      // An empty list is nil to Go: left out.
      items: [list.items[0], { metadata: { name: 'b', namespace: 'shop' }, spec: {}, status: {} }],
    });
  });

  it('Status objects: a failure with causes and a delete success', () => {
    const invalid = {
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Failure',
      message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1',
      reason: 'Invalid',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1', field: 'spec.replicas' }],
        retryAfterSeconds: 2,
      },
      code: 422,
    };
    expect(roundTrip(invalid)).toEqual(invalid);
    const deleted = {
      apiVersion: 'v1',
      kind: 'Status',
      metadata: {},
      status: 'Success',
      details: { name: 'settings', kind: 'configmaps', uid: 'u-1' },
    };
    expect(roundTrip(deleted)).toEqual(deleted);
  });

  it('DeleteOptions under any group version, keeping a zero grace period', () => {
    const options = {
      apiVersion: 'apps/v1',
      kind: 'DeleteOptions',
      gracePeriodSeconds: 0,
      preconditions: { uid: 'u-1', resourceVersion: '7' },
      propagationPolicy: 'Orphan',
      dryRun: ['All'],
    };
    expect(roundTrip(options)).toEqual(options);
  });

  it('Scale (autoscaling/v1), a negative int32 as ten sign-extended bytes', () => {
    const scale = {
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: -1 },
      status: { replicas: 2, selector: 'app=web' },
    };
    const bytes = Buffer.from(encodeObject(scale));
    expect(bytes.toString('hex')).toContain('08ffffffffffffffffff01');
    expect(decodeObject(bytes)).toEqual(scale);
  });

  it('MicroTime: Events and Leases keep microseconds', () => {
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'shop' },
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', apiVersion: 'v1' },
      reason: 'Pulled',
      message: 'Successfully pulled image',
      source: { component: 'kubelet', host: 'embedded-node' },
      firstTimestamp: '2024-05-01T12:00:00Z',
      lastTimestamp: '2024-05-01T12:00:03Z',
      count: 2,
      type: 'Normal',
      eventTime: '2024-05-01T12:00:00.123456Z',
      series: { count: 2, lastObservedTime: '2024-05-01T12:00:03.000001Z' },
      reportingComponent: 'kubelet',
      reportingInstance: '',
    };
    expect(roundTrip(event)).toEqual(event);
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'hook-sync-web', namespace: 'shop' },
      spec: {
        holderIdentity: 'runner-1',
        leaseDurationSeconds: 30,
        acquireTime: '2024-05-01T12:00:00.000000Z',
        renewTime: '2024-05-01T12:00:10.500000Z',
        leaseTransitions: 1,
      },
    };
    expect(roundTrip(lease)).toEqual(lease);
  });

  it('a CustomResourceDefinition: schema unions, JSON defaults, doubles and x-kubernetes extensions', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                required: ['spec'],
                properties: {
                  spec: {
                    type: 'object',
                    properties: {
                      size: { type: 'number', maximum: 1.5, minimum: -2.25, default: 1 },
                      mode: { type: 'string', enum: ['a', 'b', null] },
                      port: { 'x-kubernetes-int-or-string': true },
                      tags: { type: 'array', items: { type: 'string' } },
                      labels: { type: 'object', additionalProperties: { type: 'string' } },
                      anything: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                      closed: { type: 'object', additionalProperties: false },
                      config: { type: 'object', default: { retries: 3, names: ['x'] } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
      status: { acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] },
    };
    expect(roundTrip(crd)).toEqual(crd);
  });

  it('a ControllerRevision: raw JSON data and an int64 revision', () => {
    const revision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'db-5d4f', namespace: 'shop' },
      data: { spec: { template: { spec: { containers: [{ name: 'db', image: 'postgres:16' }] } } } },
      revision: 4,
    };
    expect(roundTrip(revision)).toEqual(revision);
  });

  it('Time: whole seconds stay whole, milliseconds survive, offsets become UTC', () => {
    const at = (creationTimestamp: string) =>
      (roundTrip({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', creationTimestamp } }) as any)
        .metadata.creationTimestamp;
    expect(at('2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00Z');
    expect(at('2024-05-01T12:00:00.007Z')).toBe('2024-05-01T12:00:00.007Z');
    expect(at('2024-05-01T14:00:00+02:00')).toBe('2024-05-01T12:00:00Z');
  });
});
