// (e): from starting `node dist/index.js` (the action, as a runner starts it) to its first API request. The
// "cluster" is a listener of this process that notes when the first request arrives and answers 503; the
// action is then stopped. Its inputs: examples/app, a kubeconfig for the listener, no PR comment.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { root } from './cluster-process.mjs';

function kubeconfigFor(port) {
  return `apiVersion: v1
kind: Config
clusters:
- name: listener
  cluster: {server: 'http://127.0.0.1:${port}', insecure-skip-tls-verify: true}
users:
- name: bench
  user: {token: bench-token-not-a-secret}
contexts:
- name: bench
  context: {cluster: listener, user: bench}
current-context: bench
`;
}

/** Milliseconds from spawn to the first request, for `args` (a script and its arguments) run by Node. */
async function firstRequestMs(listener, args, env) {
  return new Promise((resolve, reject) => {
    let child;
    const started = performance.now();
    listener.since = started;
    listener.first = (what) => {
      resolve({ ms: performance.now() - started, what });
      child.kill('SIGKILL');
    };
    child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
    child.on('exit', (code) => {
      if (listener.first) reject(new Error(`${args.join(' ')} exited ${code} before any request`));
    });
  }).finally(() => (listener.first = undefined));
}

/** `{ action: [ms…], cli: [ms…] }` over `runs` starts of each; `dist`: another build's dist/ directory. */
export async function coldStarts(work, runs, dist = path.join(root, 'dist')) {
  const listener = { first: undefined, since: 0 };
  const server = http.createServer((req, res) => {
    // A request on a connection made before this start is the last (killed) process's, read late: the
    // first round of requests goes out at once, and only the first of them stopped that process.
    if (req.socket.acceptedAt >= listener.since) listener.first?.(`${req.method} ${req.url}`);
    res.writeHead(503);
    res.end();
  });
  server.on('connection', (socket) => (socket.acceptedAt = performance.now()));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const kubeconfig = kubeconfigFor(server.address().port);
  const kubeconfigFile = path.join(work, 'listener.kubeconfig');
  writeFileSync(kubeconfigFile, kubeconfig);
  const actionEnv = {
    ...process.env,
    GITHUB_WORKSPACE: root,
    GITHUB_OUTPUT: path.join(work, 'github-output'),
    GITHUB_STEP_SUMMARY: path.join(work, 'github-summary'),
    INPUT_MANIFESTS: 'examples/app',
    INPUT_KUBECONFIG: kubeconfig,
    INPUT_NAMESPACE: 'demo',
    INPUT_COMMENT: 'false',
    INPUT_TIMEOUT: '30s',
  };
  writeFileSync(actionEnv.GITHUB_OUTPUT, '');
  writeFileSync(actionEnv.GITHUB_STEP_SUMMARY, '');
  const out = { action: [], cli: [] };
  try {
    for (let i = 0; i < runs; i++) {
      out.action.push((await firstRequestMs(listener, [path.join(dist, 'index.js')], actionEnv)).ms);
      out.cli.push(
        (
          await firstRequestMs(
            listener,
            [path.join(dist, 'cli.js'), 'sync', 'examples/app', '--kubeconfig', kubeconfigFile],
            { ...process.env },
          )
        ).ms,
      );
    }
  } finally {
    server.close();
  }
  return out;
}
