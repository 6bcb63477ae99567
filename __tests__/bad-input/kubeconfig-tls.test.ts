// TLS in the kubeconfig gone wrong. What can be judged from the kubeconfig alone (a key that is not the
// certificate's, a field that is not PEM, a file that is not there) is refused before the cluster is asked
// (exit 2); a CA that does not trust the server can only be found by connecting (exit 1). Either way one
// line names the kubeconfig's cluster, context or user entry and what to check, and nothing is written.
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedCluster } from '../../src/embedded-cluster/embedded-cluster.js';
import { BAD_INPUT, expectRefused } from '../helpers/bad-input.js';
import { runCli } from '../helpers/cli.js';
import { quietNamespace } from '../helpers/cluster-snapshot.js';
import { TEST_TIME_SCALE } from '../helpers/embedded.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-bad-tls-'));
const b64 = (s: string) => Buffer.from(s).toString('base64');
let pem: Record<string, string>;
let cluster: EmbeddedCluster;

/** A CA, a server certificate it signed, two client pairs it signed, and a CA of another cluster. */
function makePki(): Record<string, string> {
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  for (const ca of ['ca', 'other-ca'])
    ssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      `${ca}.key`,
      '-out',
      `${ca}.crt`,
      '-days',
      '2',
      '-subj',
      `/CN=${ca}`,
    );
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, subject, ext] of [
    ['server', '/CN=127.0.0.1', ['-extfile', 'server.ext']],
    ['client', '/CN=deployer', []],
    ['client2', '/CN=deployer', []],
  ] as const) {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      '2',
      ...ext,
    );
  }
  return Object.fromEntries(
    ['ca.crt', 'other-ca.crt', 'server.crt', 'server.key', 'client.crt', 'client.key', 'client2.key'].map(
      (f) => [f, readFileSync(path.join(dir, f), 'utf8')],
    ),
  );
}

beforeAll(async () => {
  pem = makePki();
  cluster = await EmbeddedCluster.start({
    timeScale: TEST_TIME_SCALE,
    // The chain (server, then CA) as many API servers send it: a CA that is not trusted is then
    // SELF_SIGNED_CERT_IN_CHAIN.
    tls: { cert: pem['server.crt']! + pem['ca.crt']!, key: pem['server.key']!, ca: pem['ca.crt']! },
    auth: { clientCA: pem['ca.crt'] },
  });
  await quietNamespace(cluster, 'tls');
});
afterAll(async () => {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A kubeconfig with cluster "prod", user "deployer", context "prod-ctx". */
function kubeconfig(name: string, clusterFields: string, userFields: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster:
    server: ${cluster.url}
${clusterFields}
users:
- name: deployer
  user:
${userFields}
contexts:
- name: prod-ctx
  context: {cluster: prod, user: deployer}
current-context: prod-ctx
`,
  );
  return file;
}

const ca = () => `    certificate-authority-data: ${b64(pem['ca.crt']!)}`;
const pair = (key = 'client.key') =>
  `    client-certificate-data: ${b64(pem['client.crt']!)}\n    client-key-data: ${b64(pem[key]!)}`;
const syncWith = (file: string) => [
  'cluster/settings.yaml',
  '--kubeconfig',
  file,
  '--namespace',
  'tls',
  '--app',
  'tls',
];

describe('TLS in the kubeconfig', () => {
  it('works when right (the other cases differ from this one by one field)', async () => {
    const r = await runCli(['sync', ...syncWith(kubeconfig('good', ca(), pair()))], BAD_INPUT);
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  });

  it("a CA that is not the cluster's (SELF_SIGNED_CERT_IN_CHAIN): names the cluster and context", () =>
    expectRefused(cluster, {
      name: 'wrong CA',
      argv: syncWith(
        kubeconfig('wrong-ca', `    certificate-authority-data: ${b64(pem['other-ca.crt']!)}`, pair()),
      ),
      exit: 1,
      says: [
        `cannot reach the Kubernetes API at ${cluster.url}`,
        'not trusted by the certificate authority the kubeconfig gives for cluster "prod" (context "prod-ctx") (SELF_SIGNED_CERT_IN_CHAIN)',
        'check that its certificate-authority-data is the CA of',
      ],
    }));

  it('no CA at all for a server with a private CA', () =>
    expectRefused(cluster, {
      name: 'no CA',
      argv: syncWith(kubeconfig('no-ca', '', pair())),
      exit: 1,
      says: ['not trusted by the certificate authority the kubeconfig gives for cluster "prod"'],
    }));

  it("a client key that is not the certificate's: names the user entry", () =>
    expectRefused(cluster, {
      name: 'key mismatch',
      argv: syncWith(kubeconfig('mismatch', ca(), pair('client2.key'))),
      exit: 2,
      says: [
        'the kubeconfig cannot be used: user "deployer" (context "prod-ctx")',
        'its client certificate and client key do not belong together',
        'take both from the same pair',
      ],
    }));

  it('a client certificate field that is not PEM', () =>
    expectRefused(cluster, {
      name: 'cert not PEM',
      argv: syncWith(
        kubeconfig(
          'cert-garbage',
          ca(),
          `    client-certificate-data: ${b64('pasted the wrong thing')}\n    client-key-data: ${b64(pem['client.key']!)}`,
        ),
      ),
      exit: 2,
      says: ['user "deployer" (context "prod-ctx"): its client-certificate-data is not a PEM certificate'],
    }));

  it('a CA field that is not PEM', () =>
    expectRefused(cluster, {
      name: 'CA not PEM',
      argv: syncWith(kubeconfig('ca-garbage', `    certificate-authority-data: ${b64('nope')}`, pair())),
      exit: 2,
      says: ['cluster "prod" (context "prod-ctx"): its certificate-authority-data is not a PEM certificate'],
    }));

  it('a client key file that is not there', () =>
    expectRefused(cluster, {
      name: 'key file missing',
      argv: syncWith(
        kubeconfig(
          'key-file',
          ca(),
          `    client-certificate-data: ${b64(pem['client.crt']!)}\n    client-key: ${path.join(dir, 'gone.key')}`,
        ),
      ),
      exit: 2,
      says: [
        `user "deployer" (context "prod-ctx"): its client-key file ${path.join(dir, 'gone.key')} cannot be read (ENOENT)`,
      ],
    }));

  it('a client certificate without its key', () =>
    expectRefused(cluster, {
      name: 'no key',
      argv: syncWith(kubeconfig('no-key', ca(), `    client-certificate-data: ${b64(pem['client.crt']!)}`)),
      exit: 2,
      says: ['user "deployer" (context "prod-ctx"): it has a client certificate but no client key'],
    }));
});
