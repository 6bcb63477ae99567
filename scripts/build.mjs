// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc.
// `--check` builds into a scratch directory and fails when the committed dist/ differs: CI's check-dist.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const entries = [
  { entry: 'src/action/index.ts', out: 'index.js' },
  { entry: 'src/cli/index.ts', out: 'cli.js' },
];

const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const staging = mkdtempSync(path.join(tmpdir(), 'hook-sync-dist-'));
try {
  const licenses = new Set();
  for (const { entry, out } of entries) {
    const dir = path.join(staging, out.replace(/\.js$/, ''));
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '-q'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const files = readdirSync(dir).filter((f) => !['index.js', 'package.json', 'licenses.txt'].includes(f));
    if (files.length) throw new Error(`ncc emitted files the build does not place: ${files.join(', ')}`);
    cpSync(path.join(dir, 'index.js'), path.join(staging, 'out', out), { recursive: true });
    for (const block of readFileSync(path.join(dir, 'licenses.txt'), 'utf8').split(/\n(?=\S)/)) {
      if (block.trim()) licenses.add(block.trimEnd());
    }
  }
  writeFileSync(
    path.join(staging, 'out', 'package.json'),
    JSON.stringify({ type: 'module' }, null, 2) + '\n',
  );
  writeFileSync(path.join(staging, 'out', 'licenses.txt'), [...licenses].sort().join('\n\n') + '\n');

  const built = path.join(staging, 'out');
  const dist = path.join(root, 'dist');
  if (check) {
    const names = new Set([...readdirSync(built), ...(existsSync(dist) ? readdirSync(dist) : [])]);
    const stale = [...names].filter((name) => {
      const a = path.join(built, name);
      const b = path.join(dist, name);
      return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
    });
    if (stale.length) {
      console.error(`dist/ is stale (${stale.join(', ')} differ): run "npm run build" and commit dist/`);
      process.exit(1);
    }
    console.log('dist/ is up to date');
  } else {
    rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist);
    cpSync(built, dist, { recursive: true });
    console.log(`built ${entries.map((e) => 'dist/' + e.out).join(', ')}`);
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
