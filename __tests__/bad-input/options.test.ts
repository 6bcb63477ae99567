// Mistakes on the command line and in the kubeconfig: refused before the cluster is asked (exit 2, not one
// request sent), with one line saying which option or kubeconfig entry is wrong and what to do. (An
// address that resolves to nothing can only be found by connecting: exit 1.)
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BAD_INPUT, expectRefused, type BadInputCase } from '../helpers/bad-input.js';
import { quietNamespace } from '../helpers/cluster-snapshot.js';
import { startTestCluster, type TestCluster } from '../helpers/embedded.js';

let t: TestCluster;
const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-bad-options-'));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
beforeAll(async () => {
  t = await startTestCluster();
  await quietNamespace(t.cluster, 'bad-options');
});
afterAll(() => t.stop());

const settings = path.join(BAD_INPUT, 'cluster', 'settings.yaml');
/** A valid sync, with `extra` options replacing or adding to the valid ones. */
function withOptions(extra: string[], says: BadInputCase['says']): BadInputCase {
  return {
    name: extra.join(' '),
    argv: [
      settings,
      '--kubeconfig',
      t.kubeconfigPath,
      '--namespace',
      'bad-options',
      '--app',
      'bad-options',
      ...extra,
    ],
    exit: 2,
    says,
  };
}

describe('bad options are refused before the cluster is asked', () => {
  it.each<[string, string[], BadInputCase['says']]>([
    [
      '--timeout 1000h',
      ['--timeout', '1000h'],
      ['hook-sync sync: --timeout must be at most 24h, found "1000h"'],
    ],
    ['--timeout -5s', ['--timeout', '-5s'], ['--timeout must not be negative, found "-5s"']],
    [
      '--timeout 10x',
      ['--timeout', '10x'],
      ['--timeout must be a duration such as "90s", "5m" or "1h30m", found "10x"'],
    ],
    ['--timeout 0', ['--timeout', '0'], ['--timeout must be longer than 0, found "0"']],
    ['--lock-ttl 500ms', ['--lock-ttl', '500ms'], ['--lock-ttl must be at least 1s, found "500ms"']],
    ['--lock-ttl 2h', ['--lock-ttl', '2h'], ['--lock-ttl must be at most 1h, found "2h"']],
    ['--lock-ttl -1s', ['--lock-ttl', '-1s'], ['--lock-ttl must not be negative, found "-1s"']],
    ['--app ""', ['--app', ''], ['--app must not be empty']],
    [
      '--app on two lines',
      ['--app', 'shop\nstaging'],
      ['--app must be one line of printable characters, found "shop\\nstaging"'],
    ],
    [
      '--app of 300 characters',
      ['--app', 'a'.repeat(300)],
      ['--app must be at most 253 characters, found 300'],
    ],
    [
      '--namespace Shop_Prod',
      ['--namespace', 'Shop_Prod'],
      ['namespace "Shop_Prod" is not a valid name', 'lower-case letters, digits and "-"'],
    ],
    [
      '--json into a folder that does not exist',
      ['--json', 'no-such-dir/result.json'],
      ['--json no-such-dir/result.json: the folder', 'does not exist; create it first'],
    ],
    [
      'a misspelt option',
      ['--namesapce', 'shop'],
      ["Unknown option '--namesapce': did you mean --namespace?"],
    ],
    [
      '--context that the kubeconfig does not have',
      ['--context', 'production'],
      ['the kubeconfig has no context "production"; it has: embedded'],
    ],
  ])('%s', (_name, extra, says) => expectRefused(t.cluster, withOptions(extra, says)));

  it('a sync of nothing', () =>
    expectRefused(t.cluster, {
      name: 'no paths',
      argv: ['--kubeconfig', t.kubeconfigPath],
      exit: 2,
      says: ['sync needs at least one path to manifests'],
    }));
});

describe('a missing or unusable kubeconfig is refused before the cluster is asked', () => {
  const sync = (env: NodeJS.ProcessEnv, ...argv: string[]): Omit<BadInputCase, 'says' | 'name'> => ({
    argv: [settings, '--namespace', 'bad-options', '--app', 'bad-options', ...argv],
    exit: 2,
    env,
  });

  it('none at all: says where it looked and what to do', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'hook-sync-home-'));
    return expectRefused(t.cluster, {
      name: 'no kubeconfig',
      ...sync({ HOME: home }),
      says: [
        'hook-sync: no kubeconfig: none was given, $KUBECONFIG is not set',
        `${home}/.kube/config does not exist`,
        'pass --kubeconfig FILE, or log in to the cluster first',
      ],
    });
  });

  it('$KUBECONFIG naming a file that is not there', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'hook-sync-home-'));
    return expectRefused(t.cluster, {
      name: '$KUBECONFIG missing',
      ...sync({ HOME: home, KUBECONFIG: '/nowhere/kubeconfig' }),
      says: ['$KUBECONFIG (/nowhere/kubeconfig) names no file that exists'],
    });
  });

  it('--kubeconfig naming a file that is not there', () =>
    expectRefused(t.cluster, {
      name: '--kubeconfig missing',
      ...sync({}, '--kubeconfig', path.join(dir, 'absent')),
      says: [`cannot read the kubeconfig ${path.join(dir, 'absent')}`, 'ENOENT'],
    }));

  it('an empty kubeconfig file (a login step that wrote nothing)', () =>
    expectRefused(t.cluster, {
      name: 'empty kubeconfig',
      ...sync({}, '--kubeconfig', file('empty', '')),
      says: [`cannot read the kubeconfig ${path.join(dir, 'empty')}`, 'the input is empty'],
    }));

  it('a kubeconfig that is not YAML', () =>
    expectRefused(t.cluster, {
      name: 'garbage kubeconfig',
      ...sync({}, '--kubeconfig', file('garbage', 'clusters: [oops\n')),
      says: [`cannot read the kubeconfig ${path.join(dir, 'garbage')}`, '(2:1)'],
    }));

  it('a kubeconfig with no contexts', () =>
    expectRefused(t.cluster, {
      name: 'no contexts',
      ...sync({}, '--kubeconfig', file('bare', 'apiVersion: v1\nkind: Config\n')),
      says: ['the kubeconfig has no contexts'],
    }));

  const pointingAt = (name: string, server: string) =>
    file(
      name,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: ${server}\nusers:\n- name: me\n  user: {token: abcd}\ncontexts:\n- name: prod-ctx\n  context: {cluster: prod, user: me}\ncurrent-context: prod-ctx\n`,
    );

  it("kubectl's fallback, http://localhost:8080: plain HTTP is refused, and why it is likely there", () =>
    expectRefused(t.cluster, {
      name: 'localhost:8080',
      ...sync({}, '--kubeconfig', pointingAt('fallback', 'http://localhost:8080')),
      says: [
        'cluster "prod" (context "prod-ctx"): its server http://localhost:8080 is plain HTTP',
        "localhost:8080 is kubectl's default when it has no kubeconfig",
        "use the API server's https:// address",
      ],
    }));

  it('a server address without a scheme', () =>
    expectRefused(t.cluster, {
      name: 'no scheme',
      ...sync({}, '--kubeconfig', pointingAt('no-scheme', 'api.prod.example.com:6443')),
      says: ['its server "api.prod.example.com:6443" is not an address; write it as https://host:port'],
    }));

  it('a server whose host name is not known: found by connecting (exit 1), nothing written', () =>
    expectRefused(t.cluster, {
      name: 'unknown host',
      ...sync({}, '--kubeconfig', pointingAt('no-host', 'https://api.no-such-cluster.invalid:6443')),
      exit: 1,
      says: [
        'cannot reach the Kubernetes API at https://api.no-such-cluster.invalid:6443',
        'its host name is not known (ENOTFOUND): check the server address of cluster "prod" (context "prod-ctx")',
      ],
    }));

  it('a current context that names no cluster', () =>
    expectRefused(t.cluster, {
      name: 'dangling context',
      ...sync(
        {},
        '--kubeconfig',
        file(
          'dangling',
          'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts:\n- name: prod\n  context: {cluster: gone, user: me}\ncurrent-context: prod\n',
        ),
      ),
      says: ['current context "prod" names no cluster; pass a context (prod)'],
    }));
});
