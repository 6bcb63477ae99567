// The cluster client authenticates as kubeconfigs describe: exec credential plugins (a cloud provider's
// token command), and TLS with client certificates. Both end to end, by a real sync.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClusterClient } from '../../src/cluster/cluster-client.js';
import { kubeconfigSecrets, loadKubeconfig } from '../../src/cluster/kubeconfig.js';
import { EmbeddedCluster } from '../../src/embedded-cluster/embedded-cluster.js';
import { main } from '../../src/cli/main.js';
import { runSync } from '../../src/sync/sync-operation.js';
import { TEST_TIME_SCALE } from '../helpers/embedded.js';
import { jobYaml, planOf } from '../helpers/sync.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-creds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const b64 = (s: string) => Buffer.from(s).toString('base64');
const hookYaml =
  jobYaml('authenticated-', 'echo hello over an authenticated connection', {
    'argocd.argoproj.io/hook': 'PreSync',
  }) + 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: authenticated}\n';

function kubeconfig(server: string, cluster: string, user: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: ${server}
${cluster}
users:
- name: u
  user:
${user}
contexts:
- name: ctx
  context: {cluster: c, user: u, namespace: default}
current-context: ctx
`;
}

async function syncWith(text: string, cluster: EmbeddedCluster, ns: string) {
  const nsType = cluster.api.registry.byKind('', 'Namespace')!;
  cluster.api.create(nsType, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const client = new ClusterClient(loadKubeconfig({ text }).kc);
  const logs: string[] = [];
  const result = await runSync(planOf(hookYaml, ns), client, {
    timeoutMs: 30_000,
    wait: true,
    observer: { hookLog: (l) => logs.push(l.line) },
  });
  return { result, logs };
}

describe('exec credential plugins', () => {
  let cluster: EmbeddedCluster;
  beforeAll(async () => {
    cluster = await EmbeddedCluster.start({
      timeScale: TEST_TIME_SCALE,
      auth: { token: 'token-from-the-cloud' },
    });
  });
  afterAll(() => cluster.stop());

  function plugin(token: string): string {
    const file = path.join(dir, `plugin-${token}.mjs`);
    // Like a cloud CLI: reads a secret from its environment, prints an ExecCredential.
    writeFileSync(
      file,
      `if (process.env.CLOUD_SECRET !== 'do-not-print-me') process.exit(3);
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(token)} } }));\n`,
    );
    return `    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ${process.execPath}
      args: [${file}]
      env: [{name: CLOUD_SECRET, value: do-not-print-me}]
      interactiveMode: Never`;
  }

  it('syncs with the token the plugin issues', async () => {
    const { result, logs } = await syncWith(
      kubeconfig(cluster.url, '    insecure-skip-tls-verify: true', plugin('token-from-the-cloud')),
      cluster,
      'exec-ok',
    );
    expect(result.status).toBe('Succeeded');
    expect(logs).toContain('hello over an authenticated connection');
  });

  it('fails with Unauthorized, applying nothing, when the token is refused', async () => {
    const { result } = await syncWith(
      kubeconfig(cluster.url, '    insecure-skip-tls-verify: true', plugin('stale-token')),
      cluster,
      'exec-bad',
    );
    expect(result.status).toBe('Failed');
    expect(result.message).toMatch(
      /^cannot talk to the cluster at http:\/\/127\.0\.0\.1:\d+: Unauthorized \(the cluster refused the kubeconfig's credentials; check the kubeconfig and its context\)$/,
    );
    expect(result.tasks.every((x) => x.status === 'Skipped')).toBe(true);
    expect(cluster.object('', 'ConfigMap', 'exec-bad', 'authenticated')).toBeUndefined();
  });

  it('never quotes what a broken plugin printed (a raw token, not an ExecCredential)', async () => {
    const raw = path.join(dir, 'plugin-raw.mjs');
    writeFileSync(raw, "process.stdout.write('rawtoken-abcdefghijklmnop');\n");
    const config = path.join(dir, 'kubeconfig-raw');
    writeFileSync(
      config,
      kubeconfig(
        cluster.url,
        '    insecure-skip-tls-verify: true',
        `    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: ${process.execPath}\n      args: [${raw}]\n      interactiveMode: Never`,
      ),
    );
    writeFileSync(path.join(dir, 'raw.yaml'), hookYaml);
    let out = '';
    const io = { stdout: (x: string) => (out += x), stderr: (x: string) => (out += x), env: {}, cwd: dir };
    const code = await main(['sync', 'raw.yaml', '--kubeconfig', config, '--json', 'raw.json'], io);
    const document = readFileSync(path.join(dir, 'raw.json'), 'utf8');
    expect(code).toBe(1);
    expect(out).toContain('is not an ExecCredential JSON document (not shown: it may hold a credential)');
    for (const text of [out, document]) expect(text).not.toContain('rawtoken');
  });

  it('masks the kubeconfig credentials in the CLI output as the action does', async () => {
    const config = path.join(dir, 'kubeconfig-token');
    writeFileSync(
      config,
      kubeconfig(cluster.url, '    insecure-skip-tls-verify: true', '    token: token-from-the-cloud'),
    );
    const ns = 'cli-masks';
    cluster.api.create(cluster.api.registry.byKind('', 'Namespace')!, undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    // A hook that happens to print the same value (a debug line, a misconfigured script).
    writeFileSync(
      path.join(dir, 'echo.yaml'),
      jobYaml('debug-', 'echo using token-from-the-cloud', { 'argocd.argoproj.io/hook': 'PreSync' }),
    );
    let out = '';
    const io = { stdout: (x: string) => (out += x), stderr: (x: string) => (out += x), env: {}, cwd: dir };
    const code = await main(
      ['sync', 'echo.yaml', '--kubeconfig', config, '--namespace', ns, '--json', 'echo.json'],
      io,
    );
    expect(code).toBe(0);
    expect(out).toContain('using ***');
    for (const text of [out, readFileSync(path.join(dir, 'echo.json'), 'utf8')])
      expect(text).not.toContain('token-from-the-cloud');
  });

  it("counts the plugin's environment values among the kubeconfig's secrets", () => {
    expect(kubeconfigSecrets(kubeconfig(cluster.url, '', plugin('x')))).toContain('do-not-print-me');
  });
});

describe('TLS with client certificates', () => {
  let cluster: EmbeddedCluster;
  let pem: Record<string, string>;
  beforeAll(async () => {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    ssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=hook-sync test CA',
    );
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '2',
      '-extfile',
      'server.ext',
    );
    ssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'client.key',
      '-out',
      'client.csr',
      '-subj',
      '/CN=deployer/O=hook-sync',
    );
    ssl(
      'x509',
      '-req',
      '-in',
      'client.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'client.crt',
      '-days',
      '2',
    );
    pem = Object.fromEntries(
      ['ca.crt', 'server.crt', 'server.key', 'client.crt', 'client.key'].map((f) => [
        f,
        readFileSync(path.join(dir, f), 'utf8'),
      ]),
    );
    cluster = await EmbeddedCluster.start({
      timeScale: TEST_TIME_SCALE,
      tls: { cert: pem['server.crt']!, key: pem['server.key']!, ca: pem['ca.crt']! },
      auth: { clientCA: pem['ca.crt'] },
    });
  });
  afterAll(() => cluster?.stop());

  it('syncs over HTTPS, verifying the server and presenting a client certificate', async () => {
    expect(cluster.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const text = kubeconfig(
      cluster.url,
      `    certificate-authority-data: ${b64(pem['ca.crt']!)}`,
      `    client-certificate-data: ${b64(pem['client.crt']!)}\n    client-key-data: ${b64(pem['client.key']!)}`,
    );
    const { result, logs } = await syncWith(text, cluster, 'mtls');
    expect(result.status).toBe('Succeeded');
    expect(logs).toContain('hello over an authenticated connection');
  });

  it('is refused without a client certificate', async () => {
    const text = kubeconfig(cluster.url, `    certificate-authority-data: ${b64(pem['ca.crt']!)}`, '    {}');
    await expect(
      new ClusterClient(loadKubeconfig({ text }).kc).request('GET', '/api/v1/namespaces'),
    ).rejects.toMatchObject({ code: 401, reason: 'Unauthorized' });
  });

  it('refuses a server it cannot verify', async () => {
    const text = kubeconfig(
      cluster.url,
      '',
      `    client-certificate-data: ${b64(pem['client.crt']!)}\n    client-key-data: ${b64(pem['client.key']!)}`,
    );
    await expect(
      new ClusterClient(loadKubeconfig({ text }).kc, { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }).request(
        'GET',
        '/api/v1/namespaces',
      ),
    ).rejects.toThrow(/cannot reach the Kubernetes API/);
  });

  it("counts client keys and certificates among the kubeconfig's secrets, encoded and decoded", () => {
    const text = kubeconfig(
      cluster.url,
      '',
      `    client-certificate-data: ${b64(pem['client.crt']!)}\n    client-key-data: ${b64(pem['client.key']!)}\n    token: abcd-token`,
    );
    const secrets = kubeconfigSecrets(text);
    expect(secrets).toEqual(
      expect.arrayContaining([
        b64(pem['client.key']!),
        'abcd-token',
        pem['client.key']!.split('\n')[1]!.trim(),
      ]),
    );
  });
});

describe('credentials in the server address', () => {
  const withServer = (server: string) => `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: ${server}
contexts:
- name: prod
  context: {cluster: prod, user: deployer}
current-context: prod
users:
- name: deployer
  user:
    token: tok-not-printed-123456
`;

  it.each(['https://admin:Pa%24%24-in-url-987@127.0.0.1:1', 'admin:Pa%24%24-in-url-987@127.0.0.1:6443'])(
    'never prints the user and password of %s',
    async (server) => {
      const file = path.join(dir, 'server-credentials.kubeconfig');
      writeFileSync(file, withServer(server));
      writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
      let out = '';
      const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s), env: {}, cwd: dir };
      const code = await main(['sync', 'app.yaml', '--kubeconfig', file, '--timeout', '5s'], io);
      expect(code).not.toBe(0);
      expect(out).not.toMatch(/Pa(%24|\$){2}-in-url-987|admin:/);
      expect(kubeconfigSecrets(withServer(server))).toEqual(
        expect.arrayContaining(['admin:Pa%24%24-in-url-987', 'Pa$$-in-url-987']),
      );
    },
  );
});
