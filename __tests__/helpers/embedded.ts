import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { EmbeddedCluster, type EmbeddedClusterOptions } from '../../src/embedded-cluster/embedded-cluster.js';

/** Simulated durations run 20 times faster in tests. Assertions never depend on timing. */
export const TEST_TIME_SCALE = 0.05;

export interface TestCluster {
  cluster: EmbeddedCluster;
  dir: string;
  kubeconfigPath: string;
  kc: k8s.KubeConfig;
  stop(): Promise<void>;
}

export async function startTestCluster(options: EmbeddedClusterOptions = {}): Promise<TestCluster> {
  const cluster = await EmbeddedCluster.start({ timeScale: TEST_TIME_SCALE, ...options });
  const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-cluster-'));
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfigPath, cluster.kubeconfig());
  const kc = new k8s.KubeConfig();
  kc.loadFromString(cluster.kubeconfig());
  return {
    cluster,
    dir,
    kubeconfigPath,
    kc,
    async stop() {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real kubectl. On CI a missing kubectl fails the test instead of skipping it: the point of
 * these tests is that a real client speaks to the embedded cluster.
 */
export function kubectl(t: TestCluster, args: string[], input?: string): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'kubectl',
      ['--kubeconfig', t.kubeconfigPath, '--cache-dir', path.join(t.dir, 'cache'), ...args],
      { env: { ...process.env, KUBECONFIG: t.kubeconfigPath }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new Error('kubectl is not installed: these tests need the real kubectl on the PATH'));
          return;
        }
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/**
 * Starts a long-running kubectl (get -w, logs -f) and collects its output until `until` matches.
 * `started` resolves on its first output: by then it has listed, and its watch continues from that list.
 */
export function kubectlUntil(
  t: TestCluster,
  args: string[],
  until: (stdout: string) => boolean,
): { done: Promise<string>; started: Promise<void>; child: ChildProcess } {
  const child = spawn(
    'kubectl',
    ['--kubeconfig', t.kubeconfigPath, '--cache-dir', path.join(t.dir, 'cache'), ...args],
    {
      env: { ...process.env, KUBECONFIG: t.kubeconfigPath },
    },
  );
  let stdout = '';
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const done = new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      markStarted();
      if (until(stdout)) {
        child.kill();
        resolve(stdout);
      }
    });
    child.on('exit', () => resolve(stdout));
  });
  return { done, started, child };
}
