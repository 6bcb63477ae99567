import { describe, expect, it } from '@jest/globals';
import {
  ScriptSyntaxError,
  parseScript,
  programOf,
  runScript,
} from '../../src/embedded-cluster/kubelet/shell-script.js';

async function run(script: string, env: Record<string, string> = {}) {
  const log: string[] = [];
  const slept: number[] = [];
  let termination = '';
  const outcome = await runScript(parseScript(script, env), {
    log: (t) => log.push(t),
    terminationMessage: (t, append) => (termination = append ? termination + t : t),
    sleep: async (ms) => void slept.push(ms),
  });
  return { ...outcome, log, slept, termination };
}

describe('the container script interpreter', () => {
  it('echoes lines and exits with the last status', async () => {
    expect(await run('echo hello world\necho "two  spaces"; echo \'single $X\'')).toMatchObject({
      exitCode: 0,
      log: ['hello world', 'two  spaces', 'single $X'],
    });
  });

  it('sleeps in simulated time', async () => {
    expect((await run('sleep 2; sleep 0.5')).slept).toEqual([2000, 500]);
  });

  it('stops at exit N', async () => {
    expect(await run('echo before; exit 3; echo after')).toMatchObject({ exitCode: 3, log: ['before'] });
  });

  it('runs && and || by status', async () => {
    expect(await run('false && echo no || echo fallback')).toMatchObject({ exitCode: 0, log: ['fallback'] });
    expect(await run('true && echo yes')).toMatchObject({ log: ['yes'] });
    expect(await run('false')).toMatchObject({ exitCode: 1 });
    expect(await run('echo a &&\n  echo b')).toMatchObject({ log: ['a', 'b'] });
  });

  it('expands variables from the environment', async () => {
    expect((await run('echo "host=$DB_HOST" ${PORT}', { DB_HOST: 'pg', PORT: '5432' })).log).toEqual([
      'host=pg 5432',
    ]);
  });

  it('writes the termination message', async () => {
    expect((await run('echo "schema is dirty" > /dev/termination-log; exit 1')).termination).toBe(
      'schema is dirty\n',
    );
  });

  it('OOM-kills on oom', async () => {
    expect(await run('echo alloc; oom')).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('lets unknown commands succeed with a note, and skips comments', async () => {
    const r = await run('# migrate\npsql -c "select 1"');
    expect(r).toMatchObject({
      exitCode: 0,
      log: ['[embedded-cluster] simulated "psql -c select 1": succeeded'],
    });
  });

  it('refuses unterminated quotes', () => {
    expect(() => parseScript('echo "oops')).toThrow(ScriptSyntaxError);
  });
});

describe('programOf', () => {
  it.each([
    [{ command: ['sh', '-c', 'echo hi'] }, { kind: 'script', source: 'echo hi' }],
    [
      { command: ['/bin/bash', '-c'], args: ['echo hi'] },
      { kind: 'script', source: 'echo hi' },
    ],
    [{ command: ['echo', 'a b'] }, { kind: 'script', source: "echo 'a b'" }],
    [{}, { kind: 'server' }],
    [{ args: ['--port', '80'] }, { kind: 'server' }],
  ])('%j → %j', (container, program) => {
    expect(programOf(container)).toEqual(program);
  });
});
