// kubectl's day-to-day verbs against the embedded cluster, each in a sequence a person would type.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { kubectl, startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const deployment = (name: string, image = 'nginx:1.27', replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: ${image}
          ports: [{containerPort: 80}]
`;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(t, args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

async function rolledOut(name: string): Promise<void> {
  await ok(['rollout', 'status', `deployment/${name}`, '--timeout=60s']);
}

const replicaSets = (prefix: string) =>
  t.cluster.api.store
    .list('apps/ReplicaSet', 'default')
    .filter((rs) => rs.metadata.name.startsWith(`${prefix}-`));

describe('scale', () => {
  it('scales a Deployment through its scale subresource, and the rollout follows', async () => {
    await ok(['apply', '-f', '-'], deployment('scaled'));
    await rolledOut('scaled');
    expect(await ok(['scale', 'deployment/scaled', '--replicas=3'])).toBe('deployment.apps/scaled scaled\n');
    await rolledOut('scaled');
    expect(t.cluster.object('apps', 'Deployment', 'default', 'scaled')?.status).toMatchObject({
      readyReplicas: 3,
    });
    const scale = JSON.parse(
      await ok(['get', '--raw', '/apis/apps/v1/namespaces/default/deployments/scaled/scale']),
    );
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'scaled', namespace: 'default' },
      spec: { replicas: 3 },
      status: { replicas: 3, selector: 'app=scaled' },
    });
    // Down again, with the current-replicas precondition kubectl checks before writing.
    expect(await ok(['scale', 'deployment/scaled', '--current-replicas=3', '--replicas=1'])).toBe(
      'deployment.apps/scaled scaled\n',
    );
    const stale = await kubectl(t, ['scale', 'deployment/scaled', '--current-replicas=3', '--replicas=2']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('Expected replicas to be 3, was 1');
  });

  it('scales ReplicaSets and StatefulSets too, and refuses a negative count as the API server does', async () => {
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:16}]
`,
    );
    expect(await ok(['scale', 'statefulset/db', '--replicas=2'])).toBe('statefulset.apps/db scaled\n');
    await ok(
      ['apply', '-f', '-'],
      deployment('bare', 'nginx:1.27', 1).replace('kind: Deployment', 'kind: ReplicaSet'),
    );
    expect(await ok(['scale', 'replicaset/bare', '--replicas=3'])).toBe('replicaset.apps/bare scaled\n');
    await t.cluster.waitFor(
      () =>
        t.cluster.api.store.list('/Pod', 'default').filter((p) => p.metadata.labels?.app === 'bare')
          .length === 3 || undefined,
    );
    expect(t.cluster.object('apps', 'StatefulSet', 'default', 'db')?.spec).toMatchObject({ replicas: 2 });
    const negative = await fetch(`${t.cluster.url}/apis/apps/v1/namespaces/default/statefulsets/db/scale`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: -1 } }),
    });
    expect(negative.status).toBe(422);
    expect(((await negative.json()) as { message: string }).message).toBe(
      'Scale.autoscaling "db" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(t.cluster.object('apps', 'StatefulSet', 'default', 'db')?.spec).toMatchObject({ replicas: 2 });
  });
});

describe('rollouts', () => {
  it('set image, history, undo back to the first ReplicaSet (reused, not a third), and no "from 0 to 0"', async () => {
    await ok(['apply', '-f', '-'], deployment('rolling'));
    await rolledOut('rolling');
    const [first] = replicaSets('rolling');
    expect(await ok(['set', 'image', 'deployment/rolling', 'web=nginx:1.28'])).toBe(
      'deployment.apps/rolling image updated\n',
    );
    await rolledOut('rolling');
    expect(await ok(['rollout', 'history', 'deployment/rolling'])).toMatch(
      /REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/,
    );
    expect(await ok(['rollout', 'undo', 'deployment/rolling'])).toBe('deployment.apps/rolling rolled back\n');
    await rolledOut('rolling');
    const after = replicaSets('rolling');
    expect(after).toHaveLength(2);
    const current = after.find((rs) => (rs.spec as { replicas: number }).replicas === 2)!;
    expect(current.metadata.name).toBe(first!.metadata.name);
    expect(current.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(await ok(['rollout', 'history', 'deployment/rolling'])).toMatch(/\n2\s+<none>\n3\s+<none>\n/);
    const events = await ok([
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=rolling,reason=ScalingReplicaSet',
      '-o',
      'jsonpath={range .items[*]}{.message}{"\\n"}{end}',
    ]);
    expect(events).toContain(`Scaled up replica set ${first!.metadata.name} from 0 to 2`);
    expect(events).not.toMatch(/from 0 to 0/);
  });

  it('restarts a rollout: a new template annotation, a new ReplicaSet, all pods replaced', async () => {
    await ok(['apply', '-f', '-'], deployment('restarted', 'nginx:1.27', 1));
    await rolledOut('restarted');
    const before = t.cluster.api.store
      .list('/Pod', 'default')
      .filter((p) => p.metadata.labels?.app === 'restarted')
      .map((p) => p.metadata.name);
    expect(await ok(['rollout', 'restart', 'deployment/restarted'])).toBe(
      'deployment.apps/restarted restarted\n',
    );
    await rolledOut('restarted');
    const template = (t.cluster.object('apps', 'Deployment', 'default', 'restarted')!.spec as any).template;
    expect(template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-/);
    expect(replicaSets('restarted')).toHaveLength(2);
    await t.cluster.waitFor(() => {
      const now = t.cluster.api.store
        .list('/Pod', 'default')
        .filter((p) => p.metadata.labels?.app === 'restarted');
      return now.length === 1 && !before.includes(now[0]!.metadata.name) ? now : undefined;
    });
  });
});

describe('metadata and patches', () => {
  it('labels and annotates, and refuses a label value the API server refuses', async () => {
    await ok(['apply', '-f', '-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tagged}\n');
    expect(await ok(['label', 'configmap/tagged', 'team=payments'])).toBe('configmap/tagged labeled\n');
    expect(await ok(['annotate', 'configmap/tagged', 'owner=alice@example.com'])).toBe(
      'configmap/tagged annotated\n',
    );
    expect(
      await ok([
        'get',
        'configmap/tagged',
        '-o',
        'jsonpath={.metadata.labels.team} {.metadata.annotations.owner}',
      ]),
    ).toBe('payments alice@example.com');
    // kubectl label checks the value itself; a patch shows the API server refusing it.
    const bad = await kubectl(t, [
      'patch',
      'configmap/tagged',
      '--type',
      'merge',
      '-p',
      '{"metadata":{"labels":{"team":"pay ments"}}}',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'The ConfigMap "tagged" is invalid: metadata.labels: Invalid value: "pay ments": a valid label must be',
    );
    expect(t.cluster.object('', 'ConfigMap', 'default', 'tagged')?.metadata.labels).toEqual({
      team: 'payments',
    });
    expect(await ok(['label', 'configmap/tagged', 'team-'])).toBe('configmap/tagged unlabeled\n');
    expect(t.cluster.object('', 'ConfigMap', 'default', 'tagged')?.metadata.labels).toBeUndefined();
  });

  it('patches with JSON patch, merge patch and strategic merge patch', async () => {
    await ok(['apply', '-f', '-'], deployment('patched', 'nginx:1.27', 1));
    await ok([
      'patch',
      'deployment/patched',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/replicas","value":2}]',
    ]);
    expect(t.cluster.object('apps', 'Deployment', 'default', 'patched')?.spec).toMatchObject({ replicas: 2 });
    await ok([
      'patch',
      'deployment/patched',
      '--type',
      'merge',
      '-p',
      '{"metadata":{"labels":{"tier":"web"}}}',
    ]);
    expect(t.cluster.object('apps', 'Deployment', 'default', 'patched')?.metadata.labels).toEqual({
      tier: 'web',
    });
    // Strategic: the container is merged by name, keeping its image and ports.
    await ok([
      'patch',
      'deployment/patched',
      '--type',
      'strategic',
      '-p',
      '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"MODE","value":"fast"}]}]}}}}',
    ]);
    const containers = (t.cluster.object('apps', 'Deployment', 'default', 'patched')!.spec as any).template
      .spec.containers;
    expect(containers).toEqual([
      expect.objectContaining({ name: 'web', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'fast' }] }),
    ]);
  });
});

describe('diff and delete -f', () => {
  it('diffs a manifest against the cluster (exit 1 with a diff, 0 without) and deletes what a file names', async () => {
    const path = `${t.dir}/diffed.yaml`;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      path,
      deployment('diffed') +
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: diffed}\ndata: {a: "1"}\n',
    );
    await ok(['apply', '-f', path]);
    const same = await kubectl(t, ['diff', '-f', path]);
    expect(same).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(
      path,
      deployment('diffed', 'nginx:1.28') +
        '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: diffed}\ndata: {a: "2"}\n',
    );
    const changed = await kubectl(t, ['diff', '-f', path]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/^-\s+- image: nginx:1\.27$/m);
    expect(changed.stdout).toMatch(/^\+\s+- image: nginx:1\.28$/m);
    expect(changed.stdout).toMatch(/^\+\s+a: "2"$/m);
    // diff is a dry run: nothing changed.
    expect(t.cluster.object('', 'ConfigMap', 'default', 'diffed')?.data).toEqual({ a: '1' });
    expect(await ok(['delete', '-f', path])).toBe(
      'deployment.apps "diffed" deleted\nconfigmap "diffed" deleted\n',
    );
    expect(t.cluster.object('apps', 'Deployment', 'default', 'diffed')).toBeUndefined();
    expect(t.cluster.object('', 'ConfigMap', 'default', 'diffed')).toBeUndefined();
  });
});

describe('reading', () => {
  it('prints custom columns and JSONPath, and sorts by any field (tables with the whole object)', async () => {
    for (const [name, rank] of [
      ['sort-b', '2'],
      ['sort-a', '3'],
      ['sort-c', '1'],
    ])
      await ok(
        ['apply', '-f', '-'],
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: {sorted: "yes"}\ndata: {rank: "${rank}"}\n`,
      );
    const sorted = await ok([
      'get',
      'configmaps',
      '-l',
      'sorted=yes',
      '--sort-by=.data.rank',
      '--no-headers',
    ]);
    expect(sorted.split('\n').map((l) => l.split(/\s+/)[0])).toEqual(['sort-c', 'sort-b', 'sort-a', '']);
    expect(
      await ok([
        'get',
        'configmaps',
        '-l',
        'sorted=yes',
        '-o',
        'custom-columns=NAME:.metadata.name,RANK:.data.rank',
      ]),
    ).toMatch(/^NAME\s+RANK\nsort-a\s+3\nsort-b\s+2\nsort-c\s+1\n$/);
    expect(
      await ok([
        'get',
        'configmaps',
        '-l',
        'sorted=yes',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}={.data.rank} {end}',
      ]),
    ).toBe('sort-a=3 sort-b=2 sort-c=1 ');
  });

  it('shows the -o wide columns of pods, deployments, replicasets, jobs and services', async () => {
    await ok(['apply', '-f', '-'], deployment('wide', 'nginx:1.27', 1));
    await ok(
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Service\nmetadata: {name: wide}\nspec:\n  selector: {app: wide}\n  ports: [{port: 80}]\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: wide}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: task, image: busybox:1.36, command: [sh, -c, "true"]}]\n',
    );
    await rolledOut('wide');
    await ok(['wait', '--for=condition=complete', 'job/wide', '--timeout=60s']);
    const pods = await ok(['get', 'pods', '-l', 'app=wide', '-o', 'wide']);
    expect(pods).toMatch(
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\n/,
    );
    expect(pods).toMatch(
      /\nwide-\S+\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.\d+\.\d+\s+embedded-node\s+<none>\s+<none>\n/,
    );
    expect(await ok(['get', 'deployment', 'wide', '-o', 'wide'])).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\nwide\s+1\/1\s+1\s+1\s+\S+\s+web\s+nginx:1\.27\s+app=wide\n$/,
    );
    expect(await ok(['get', 'replicasets', '-l', 'app=wide', '-o', 'wide'])).toMatch(
      /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\nwide-\S+\s+1\s+1\s+1\s+\S+\s+web\s+nginx:1\.27\s+app=wide,pod-template-hash=\S+\n$/,
    );
    expect(await ok(['get', 'job', 'wide', '-o', 'wide'])).toMatch(
      /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\nwide\s+Complete\s+1\/1\s+\S+\s+\S+\s+task\s+busybox:1\.36\s+batch\.kubernetes\.io\/controller-uid=\S+\n$/,
    );
    expect(await ok(['get', 'service', 'wide', '-o', 'wide'])).toMatch(
      /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE\s+SELECTOR\nwide\s+ClusterIP\s+10\.96\.\S+\s+<none>\s+80\/TCP\s+\S+\s+app=wide\n$/,
    );
  });

  it('lists events with kubectl events, and the API resources with their verbs', async () => {
    await ok(['apply', '-f', '-'], deployment('evented', 'nginx:1.27', 1));
    await rolledOut('evented');
    const events = await ok(['events', '--for', 'deployment/evented']);
    expect(events).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(events).toMatch(
      /Normal\s+ScalingReplicaSet\s+Deployment\/evented\s+Scaled up replica set evented-\S+ from 0 to 1/,
    );
    const described = await ok(['describe', 'deployment', 'evented']);
    expect(described).toMatch(/^Name:\s+evented\nNamespace:\s+default\n/);
    expect(described).toMatch(/NewReplicaSet:\s+evented-\S+ \(1\/1 replicas created\)/);
    expect(described).toMatch(
      /Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set/,
    );
    const resources = await ok(['api-resources', '--api-group=apps', '-o', 'wide']);
    expect(resources).toMatch(
      /\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\s+create,delete,deletecollection,get,list,patch,update,watch\s+all\n/,
    );
    expect(await ok(['api-resources', '-o', 'name'])).toContain(
      'selfsubjectaccessreviews.authorization.k8s.io',
    );
  });

  it('explains kinds and their fields from the OpenAPI document', async () => {
    const replicas = await ok(['explain', 'deployment.spec.replicas']);
    expect(replicas).toMatch(
      /^GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1\n\nFIELD: replicas <integer>\n/,
    );
    const ports = await ok(['explain', 'pods.spec.containers.ports']);
    expect(ports).toContain('FIELD: ports <[]ContainerPort>');
    expect(ports).toMatch(/\n {2}containerPort\t<integer>\n/);
    const unknown = await kubectl(t, ['explain', 'deployment.spec.replica']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('field "replica" does not exist');
  });
});

describe('auth can-i', () => {
  it('says yes, then no once the cluster denies the request (kubectl sends the review in protobuf)', async () => {
    expect(await kubectl(t, ['auth', 'can-i', 'delete', 'configmaps'])).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    });
    t.cluster.access.deny({ verbs: ['delete'], group: '', resource: 'configmaps' });
    try {
      expect(await kubectl(t, ['auth', 'can-i', 'delete', 'configmaps'])).toMatchObject({
        code: 1,
        stdout: "no - denied by the embedded cluster's access rules\n",
      });
      expect((await kubectl(t, ['auth', 'can-i', 'delete', 'secrets'])).stdout).toBe('yes\n');
      // The request itself is refused as the answer said.
      await ok(['create', 'configmap', 'kept']);
      const refused = await kubectl(t, ['delete', 'configmap', 'kept']);
      expect(refused.stderr).toContain(
        'configmaps "kept" is forbidden: User "system:anonymous" cannot delete resource "configmaps"',
      );
    } finally {
      t.cluster.access.clear();
    }
  });

  const review = (verb: string, resource: string, group = '') =>
    JSON.stringify({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb, group, resource, namespace: 'default' } },
    });

  it('answers SelfSubjectAccessReviews: allowed, and not allowed once the cluster denies it', async () => {
    const asked = () =>
      ok(['create', '-f', '-', '-o', 'jsonpath={.status.allowed}'], review('get', 'secrets'));
    expect(await asked()).toBe('true');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'secrets', namespace: 'default' });
    try {
      expect(await asked()).toBe('false');
      expect(
        await ok(['create', '-f', '-', '-o', 'jsonpath={.status.allowed}'], review('list', 'secrets')),
      ).toBe('true');
      const rules = JSON.parse(
        await ok(
          ['create', '-f', '-', '-o', 'json'],
          JSON.stringify({
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectRulesReview',
            spec: { namespace: 'default' },
          }),
        ),
      );
      expect(rules.status).toMatchObject({ incomplete: true, resourceRules: [{ verbs: ['*'] }] });
    } finally {
      t.cluster.access.clear();
    }
    expect(t.cluster.api.store.list('authorization.k8s.io/SelfSubjectAccessReview')).toEqual([]);
  });
});
