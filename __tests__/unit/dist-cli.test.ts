// The bundle is what users run: check it, not only the sources.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ROOT, runDistCli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
};
const minNode = Number(/^>=\s*(\d+)$/.exec(pkg.engines.node)?.[1]);

/**
 * A Node.js older than package.json's engines, as a laptop has: the first `node` on the PATH (or in the
 * usual places) outside node_modules, whose major version is below the minimum. Undefined if none.
 */
function olderNode(): { bin: string; version: string } | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/bin', '/usr/bin'];
  const seen = new Set<string>();
  for (const dir of dirs) {
    if (!dir || dir.split(path.sep).includes('node_modules')) continue;
    const bin = path.join(dir, 'node');
    let real: string;
    try {
      accessSync(bin, constants.X_OK);
      real = realpathSync(bin);
    } catch {
      continue;
    }
    if (seen.has(real) || real.split(path.sep).includes('node_modules')) continue;
    seen.add(real);
    const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '');
    if (Number(version.split('.')[0]) < minNode) return { bin, version };
  }
  return undefined;
}

/** Runs dist/cli.js with the given Node binary and extra Node options. */
function runDistCliWith(
  node: string,
  nodeArgs: string[],
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [...nodeArgs, path.join(ROOT, 'dist', 'cli.js'), ...argv],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const refusal = (version: string) =>
  new RegExp(
    `^hook-sync: Node\\.js >= ${minNode} is required; this is Node\\.js ${version.replace(/\./g, '\\.')} \\(.+\\); in a clone of hook-sync, npx hook-sync runs it on the Node ${minNode} the project installs\\n$`,
  );

describe('dist/cli.js', () => {
  it('plans the examples', async () => {
    const { code, stdout } = await runDistCli([
      'plan',
      'examples/app',
      '--revision',
      'abcdef0123',
      '--started-at',
      '5',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('schema-migrate-abcdef0-presync-5');
  });

  it('exits 2 on invalid input', async () => {
    const { code, stderr } = await runDistCli(['plan', '__tests__/fixtures/invalid']);
    expect(code).toBe(2);
    expect(stderr).toContain('nothing was applied');
  });

  it.each(['--version', '-V'])('prints the package version with %s', async (flag) => {
    expect(await runDistCli([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  const older = olderNode();
  it(`refuses an older Node.js (${older ? `${older.version} at ${older.bin}` : 'none found: simulated 20.0.0'}) in one line, exit 2`, async () => {
    expect(minNode).toBeGreaterThanOrEqual(24);
    // Without an older Node on this machine, Node 24 pretends to be 20.0.0 (a preloaded module).
    const simulate = `data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.0.0"}})`;
    const result = older
      ? await runDistCliWith(older.bin, [], ['plan', 'examples/app'])
      : await runDistCliWith(process.execPath, ['--import', simulate], ['plan', 'examples/app']);
    expect(result.stderr).toMatch(refusal(older?.version ?? '20.0.0'));
    expect(result).toMatchObject({ code: 2, stdout: '' });
  });

  it('checks the Node.js version before it loads the bundle (no static import in the entry)', () => {
    const entry = readFileSync(path.join(ROOT, 'dist', 'cli.js'), 'utf8');
    expect(entry).not.toMatch(/^\s*import\s[^(]/m);
    expect(entry.indexOf('process.versions.node')).toBeGreaterThan(-1);
    expect(entry.indexOf('process.versions.node')).toBeLessThan(entry.indexOf("import('./hook-sync.js')"));
  });
});

describe('output to a reader that goes away', () => {
  it('a sync piped into `head` goes on to its end after the reader closes (no EPIPE crash)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'demo', 'examples/app'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `head -1`: read the first chunk, then close our end of the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
