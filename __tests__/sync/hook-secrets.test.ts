// A Secret that is not in the manifests (created by a platform team, an operator, an earlier run) but that a
// hook reads and prints: masked in every log line and in the result; when hook-sync may not read it, that
// hook's logs stay out of the result altogether.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';
import { clusterSecret, jobYaml, makeNamespace, sync } from '../helpers/sync.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(() => t.stop());

const PASSWORD = 'correct-horse-battery-staple';
const TOKEN = 'tok_9f8e7d6c5b4a';

const secretOf = (ns: string) => clusterSecret(t, ns, 'db-credentials', { password: PASSWORD, token: TOKEN });

const leakyHook = (phase: string) =>
  jobYaml(
    'migrate',
    'echo connecting with $DB_PASSWORD; echo token=$API_token; echo done; exit 1',
    { 'argocd.argoproj.io/hook': phase, 'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded' },
    '',
    '',
  ).replace(
    '          command: [',
    `          env:
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: db-credentials, key: password}}
          envFrom:
            - secretRef: {name: db-credentials}
              prefix: API_
          command: [`,
  );

describe('a Secret from the cluster that a hook prints', () => {
  it('is masked in the live log, the result and its messages, and handed to the runner to mask', async () => {
    secretOf('masked');
    const learnt: string[] = [];
    const run = await sync(t, leakyHook('PreSync'), 'masked', { onSecret: (v) => learnt.push(v) });
    expect(run.result.status).toBe('Failed');
    // The hook did print them: the masks show where.
    expect(run.logs).toEqual(['[migrate] connecting with ***', '[migrate] token=***', '[migrate] done']);
    expect(run.task('Job/migrate').logs).toEqual(['connecting with ***', 'token=***', 'done']);
    const everything = JSON.stringify(run.result);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(TOKEN);
    expect(learnt).toEqual(expect.arrayContaining([PASSWORD, TOKEN]));
  });

  it('keeps the hook logs out of the result when hook-sync may not read the Secret, and says why', async () => {
    secretOf('forbidden');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'secrets', namespace: 'forbidden' });
    const said: string[] = [];
    try {
      const run = await sync(t, leakyHook('PreSync'), 'forbidden', {
        observer: { info: (m) => said.push(m) },
      });
      expect(run.result.status).toBe('Failed');
      expect(run.logs).toEqual([]);
      const task = run.task('Job/migrate');
      expect(task.logs).toBeUndefined();
      expect(task.logsWithheld).toContain('hook-sync may not read Secret "db-credentials"');
      expect(task.message).not.toContain('last log line');
      expect(said.some((m) => m.includes('its logs are not shown'))).toBe(true);
      expect(JSON.stringify(run.result)).not.toContain(PASSWORD);
    } finally {
      t.cluster.access.clear();
    }
  });

  it("withholds a failed Pod hook's termination message too, when it may be its last log lines", async () => {
    secretOf('withheld-pod');
    t.cluster.access.deny({ verbs: ['get'], group: '', resource: 'secrets', namespace: 'withheld-pod' });
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: check
  annotations: {argocd.argoproj.io/hook: PreSync}
spec:
  restartPolicy: Never
  containers:
    - name: main
      image: busybox:1.36
      terminationMessagePolicy: FallbackToLogsOnError
      env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db-credentials, key: password}}}]
      command: ["sh", "-c", "echo connecting with $DB_PASSWORD; exit 1"]
`;
    try {
      const run = await sync(t, pod, 'withheld-pod');
      expect(run.result.status).toBe('Failed');
      expect(run.task('Pod/check').message).toBe(
        'the hook failed (Error); its message is withheld with its logs',
      );
      expect(JSON.stringify(run.result)).not.toContain(PASSWORD);
    } finally {
      t.cluster.access.clear();
    }
  });

  it('masks a Secret that only appears after the hook was created (read again when its pod starts)', async () => {
    makeNamespace(t, 'late-secret');
    let created = false;
    const run = await sync(t, leakyHook('PreSync'), 'late-secret', {
      observer: {
        task(r) {
          // The platform's operator creates the Secret a moment after the hook exists.
          if (!created && r.task.kind === 'Job' && r.applied) {
            created = true;
            setTimeout(() => secretOf('late-secret'), 50);
          }
        },
      },
    });
    expect(created).toBe(true);
    expect(run.logs).toEqual(['[migrate] connecting with ***', '[migrate] token=***', '[migrate] done']);
    expect(JSON.stringify(run.result)).not.toContain(PASSWORD);
  });
});
