// The applications the soak syncs and deletes: examples/app and examples/failing-migration, each with a
// hook that prints numbered lines (so a lost or doubled log line shows), and a third whose counting hook
// runs long enough to be cancelled in the middle.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const COUNTER_LINES = 30;

/** A PreSync hook, before the example's own (wave -2), printing `soak-line-1` … `soak-line-<lines>`. */
function counterHook(lines, pauseSeconds) {
  const script = Array.from(
    { length: lines },
    (_, i) => `echo soak-line-${i + 1}; sleep ${pauseSeconds}`,
  ).join('; ');
  return `# Added by the soak: numbered lines, a little apart, so every cut and resumed log stream shows.
apiVersion: batch/v1
kind: Job
metadata:
  generateName: counter-
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/sync-wave: "-2"
    argocd.argoproj.io/hook-delete-policy: HookSucceeded
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: counter
          image: busybox:1.36
          command: ["sh", "-c", ${JSON.stringify(script)}]
`;
}

/**
 * `{ name, dir, expect }` for each variant: `expect` is the sync's exit code and status, and for the
 * cancelled one, `cancelAt`: the log line after which SIGTERM is sent.
 */
export function writeVariants(root, work) {
  const variant = (name, example, counter, expect) => {
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(root, 'examples', example), dir, { recursive: true });
    writeFileSync(path.join(dir, 'counter.yaml'), counter);
    return { name, dir, expect };
  };
  return [
    variant('succeeding', 'app', counterHook(COUNTER_LINES, 0.1), {
      code: 0,
      status: 'Succeeded',
      lines: COUNTER_LINES,
    }),
    variant('failing', 'failing-migration', counterHook(COUNTER_LINES, 0.1), {
      code: 1,
      status: 'Failed',
      message: /relation "orders" already exists/,
      lines: COUNTER_LINES,
    }),
    variant('cancelled', 'app', counterHook(600, 0.1), {
      code: 130,
      status: 'Cancelled',
      cancelAt: 'soak-line-5',
      atLeast: 5,
    }),
  ];
}
