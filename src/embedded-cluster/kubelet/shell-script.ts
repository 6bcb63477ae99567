/**
 * A small `sh -c` interpreter for simulated containers. It understands what hook scripts in examples and
 * tests do: `echo`, `printf`, `sleep N`, `exit N`, `true`, `false`, `oom` (the container is OOM-killed),
 * `$VAR` from the container's env, `> /dev/termination-log`, and `;`, `&&`, `||` and newlines between
 * commands. Any other command "succeeds" at once and leaves a note in the log, so realistic scripts
 * (`psql …`, `curl …`) still run to completion.
 */

export type Token =
  { kind: 'word'; text: string } | { kind: 'op'; text: ';' | '&&' | '||' | '>' | '>>' | '>&2' | '2>&1' };

export interface SimpleCommand {
  argv: string[];
  /** Where stdout goes: the log (default) or the termination message file. */
  redirect?: { path: string; append: boolean };
}

/** `a && b || c` is a chain: each link runs depending on the previous status. */
export interface Chain {
  first: SimpleCommand;
  rest: { op: '&&' | '||'; command: SimpleCommand }[];
}

export class ScriptSyntaxError extends Error {}

function expand(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a: string, b: string) => env[a ?? b] ?? '',
  );
}

/** Splits a script into tokens, honouring quotes, escapes and comments. */
export function tokenize(script: string, env: Readonly<Record<string, string>> = {}): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', text: word });
    word = '';
    inWord = false;
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i]!;
    if (ch === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new ScriptSyntaxError('unterminated quoted string');
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < script.length && script[j] !== '"') {
        if (script[j] === '\\' && j + 1 < script.length && '"\\$`'.includes(script[j + 1]!)) {
          text += script[j + 1];
          j += 2;
        } else text += script[j++];
      }
      if (j >= script.length) throw new ScriptSyntaxError('unterminated quoted string');
      word += expand(text, env);
      inWord = true;
      i = j;
    } else if (ch === '\\' && i + 1 < script.length) {
      if (script[i + 1] === '\n') i++;
      else {
        word += script[i + 1];
        inWord = true;
        i++;
      }
    } else if (ch === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      i--;
    } else if (ch === '\n' || ch === ';') {
      flush();
      tokens.push({ kind: 'op', text: ';' });
    } else if (script.startsWith('&&', i) || script.startsWith('||', i)) {
      flush();
      tokens.push({ kind: 'op', text: script.slice(i, i + 2) as '&&' | '||' });
      i++;
    } else if (script.startsWith('2>&1', i)) {
      flush();
      tokens.push({ kind: 'op', text: '2>&1' });
      i += 3;
    } else if (script.startsWith('>&2', i) || script.startsWith('1>&2', i)) {
      flush();
      tokens.push({ kind: 'op', text: '>&2' });
      i += script.startsWith('1>&2', i) ? 3 : 2;
    } else if (script.startsWith('>>', i)) {
      flush();
      tokens.push({ kind: 'op', text: '>>' });
      i++;
    } else if (ch === '>') {
      flush();
      tokens.push({ kind: 'op', text: '>' });
    } else if (ch === ' ' || ch === '\t' || ch === '\r') flush();
    else if (ch === '$') {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}|^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(script.slice(i));
      if (m) {
        word += env[m[1] ?? m[2]!] ?? '';
        inWord = true;
        i += m[0].length - 1;
      } else {
        word += ch;
        inWord = true;
      }
    } else {
      word += ch;
      inWord = true;
    }
  }
  flush();
  return tokens;
}

/** Groups tokens into chains of simple commands. */
export function parseScript(script: string, env: Readonly<Record<string, string>> = {}): Chain[] {
  const tokens = tokenize(script, env);
  const chains: Chain[] = [];
  let current: SimpleCommand | undefined;
  let chain: Chain | undefined;
  let pendingOp: '&&' | '||' | undefined;
  const endCommand = () => {
    if (!current) return;
    if (!chain) chain = { first: current, rest: [] };
    else chain.rest.push({ op: pendingOp!, command: current });
    current = undefined;
    pendingOp = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      current ??= { argv: [] };
      current.argv.push(t.text);
      continue;
    }
    switch (t.text) {
      case '>':
      case '>>': {
        const target = tokens[i + 1];
        if (!target || target.kind !== 'word') throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
        current ??= { argv: [] };
        current.redirect = { path: target.text, append: t.text === '>>' };
        i++;
        break;
      }
      case '>&2':
      case '2>&1':
        break; // stderr and stdout both go to the container log
      case '&&':
      case '||':
        if (!current) throw new ScriptSyntaxError(`syntax error near "${t.text}"`);
        endCommand();
        pendingOp = t.text;
        break;
      case ';':
        if (pendingOp && !current) continue; // `a &&\n b`: the newline continues the chain
        endCommand();
        if (chain) chains.push(chain);
        chain = undefined;
        break;
    }
  }
  if (pendingOp && !current)
    throw new ScriptSyntaxError(`syntax error: unexpected end of script after "${pendingOp}"`);
  endCommand();
  if (chain) chains.push(chain);
  return chains;
}

export interface ScriptHost {
  /** Writes one line to the container log. */
  log(text: string): void;
  /** Writes to the termination message file. */
  terminationMessage(text: string, append: boolean): void;
  /** Waits a simulated duration; rejects when the container is killed. */
  sleep(simulatedMs: number): Promise<void>;
}

export type ScriptOutcome = { exitCode: number; reason?: 'OOMKilled' };

class ExitSignal {
  constructor(readonly outcome: ScriptOutcome) {}
}

function unescapePrintf(text: string): string {
  return text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/%%/g, '%');
}

async function runCommand(cmd: SimpleCommand, host: ScriptHost): Promise<number> {
  const [name, ...args] = cmd.argv;
  if (!name) return 0;
  const output = (text: string) => {
    if (cmd.redirect) {
      if (cmd.redirect.path === '/dev/termination-log') host.terminationMessage(text, cmd.redirect.append);
      else if (cmd.redirect.path !== '/dev/null')
        host.log(`[embedded-cluster] wrote to ${cmd.redirect.path}`);
      return;
    }
    for (const line of text.replace(/\n$/, '').split('\n')) host.log(line);
  };
  switch (name) {
    case 'echo': {
      let rest = args;
      let newline = true;
      if (rest[0] === '-n') {
        newline = false;
        rest = rest.slice(1);
      } else if (rest[0] === '-e') rest = rest.slice(1).map(unescapePrintf);
      output(rest.join(' ') + (newline ? '\n' : ''));
      return 0;
    }
    case 'printf': {
      const [format = '', ...values] = args;
      let i = 0;
      output(unescapePrintf(format.replace(/%[sd]/g, () => values[i++] ?? '')));
      return 0;
    }
    case 'sleep': {
      const seconds = Number.parseFloat(args[0] ?? '0');
      if (!Number.isFinite(seconds) || seconds < 0) {
        host.log(`sleep: invalid time interval '${args[0] ?? ''}'`);
        return 1;
      }
      await host.sleep(seconds * 1000);
      return 0;
    }
    case 'true':
    case ':':
    case 'set':
      return 0;
    case 'false':
      return 1;
    case 'exit': {
      const code = args[0] === undefined ? 0 : Number.parseInt(args[0], 10);
      throw new ExitSignal({ exitCode: Number.isFinite(code) ? code & 255 : 2 });
    }
    case 'oom':
      throw new ExitSignal({ exitCode: 137, reason: 'OOMKilled' });
    default:
      host.log(`[embedded-cluster] simulated "${cmd.argv.join(' ')}": succeeded`);
      return 0;
  }
}

/** Runs a script; the exit code is the last command's, or what `exit` says. */
export async function runScript(chains: readonly Chain[], host: ScriptHost): Promise<ScriptOutcome> {
  let status = 0;
  try {
    for (const chain of chains) {
      status = await runCommand(chain.first, host);
      for (const link of chain.rest) {
        if ((link.op === '&&' && status === 0) || (link.op === '||' && status !== 0))
          status = await runCommand(link.command, host);
      }
    }
  } catch (err) {
    if (err instanceof ExitSignal) return err.outcome;
    throw err;
  }
  return { exitCode: status };
}

/**
 * What a container runs: a script (from `sh -c`), a single command, or — with no command at all — the
 * image's own long-running process (a web server), which runs until the pod is deleted.
 */
export type Program = { kind: 'script'; source: string } | { kind: 'server' };

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/env']);

function quote(word: string): string {
  return /^[A-Za-z0-9_./=:@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function programOf(container: { command?: unknown; args?: unknown }): Program {
  const command = Array.isArray(container.command) ? container.command.map(String) : [];
  const args = Array.isArray(container.args) ? container.args.map(String) : [];
  const argv = [...command, ...args];
  if (argv.length === 0) return { kind: 'server' };
  if (argv[0] === '/usr/bin/env') argv.shift();
  if (SHELLS.has(argv[0]!)) {
    const c = argv.indexOf('-c');
    if (c >= 0) return { kind: 'script', source: argv[c + 1] ?? '' };
    if (argv.length === 1) return { kind: 'server' };
  }
  if (command.length === 0) return { kind: 'server' };
  return { kind: 'script', source: argv.map(quote).join(' ') };
}
