import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifests } from '../../src/manifests/load-manifests.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-load-'));
  mkdirSync(path.join(dir, 'app/nested/deeper'), { recursive: true });
  mkdirSync(path.join(dir, 'app/.hidden'), { recursive: true });
  writeFileSync(path.join(dir, 'app/b.yaml'), cm('b'));
  writeFileSync(path.join(dir, 'app/a.yml'), cm('a'));
  writeFileSync(
    path.join(dir, 'app/nested/c.json'),
    JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }),
  );
  writeFileSync(path.join(dir, 'app/nested/deeper/d.yaml'), cm('d') + '---\n' + cm('e'));
  writeFileSync(path.join(dir, 'app/nested/README.md'), '# not a manifest');
  writeFileSync(path.join(dir, 'app/.hidden/x.yaml'), cm('hidden'));
  writeFileSync(path.join(dir, 'single.txt'), cm('txt'));
  symlinkSync(path.join(dir, 'app/a.yml'), path.join(dir, 'app/nested/link-to-a.yaml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = (r: Awaited<ReturnType<typeof loadManifests>>) =>
  r.manifests.map((m) => m.object.metadata?.name);

describe('loadManifests', () => {
  it('walks directories recursively in name order, .yaml/.yml/.json only, hidden folders skipped', async () => {
    const r = await loadManifests(['app'], { cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect(names(r)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(r.files).toEqual(['app/a.yml', 'app/b.yaml', 'app/nested/c.json', 'app/nested/deeper/d.yaml']);
  });

  it('reads an explicitly named file whatever its extension', async () => {
    expect(names(await loadManifests(['single.txt'], { cwd: dir }))).toEqual(['txt']);
  });

  it('expands globs', async () => {
    const r = await loadManifests(['app/**/*.yaml'], { cwd: dir });
    // The link is matched by the pattern too, and read as the file it points at.
    expect(names(r)).toEqual(['b', 'd', 'e', 'a']);
  });

  it('reads a file named twice (or through a link) once', async () => {
    const r = await loadManifests(['app/a.yml', 'app/a.yml', 'app/nested/link-to-a.yaml'], { cwd: dir });
    expect(names(r)).toEqual(['a']);
  });

  it('reports missing paths and empty globs as errors, all of them', async () => {
    const r = await loadManifests(['nope', 'app/*.none', 'app/a.yml'], { cwd: dir });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['path-not-found', 'no-manifests']);
    expect(r.diagnostics[0]!.message).toContain('nope');
    expect(names(r)).toEqual(['a']);
  });

  it('gives sources relative to the working directory', async () => {
    const r = await loadManifests([path.join(dir, 'app/nested/deeper')], { cwd: dir });
    expect(r.manifests.map((m) => `${m.source.file}:${m.source.line}`)).toEqual([
      'app/nested/deeper/d.yaml:1',
      'app/nested/deeper/d.yaml:6',
    ]);
  });
});

describe('symbolic links among manifests', () => {
  let links: string;
  beforeAll(() => {
    links = mkdtempSync(path.join(tmpdir(), 'hook-sync-links-'));
    mkdirSync(path.join(links, 'app/nested'), { recursive: true });
    mkdirSync(path.join(links, 'shared'));
    writeFileSync(path.join(links, 'app/a.yaml'), cm('a'));
    writeFileSync(path.join(links, 'app/nested/b.yaml'), cm('b'));
    writeFileSync(path.join(links, 'shared/s.yaml'), cm('shared'));
    symlinkSync('gone.yaml', path.join(links, 'app/dangling.yaml'));
    symlinkSync('gone-dir', path.join(links, 'app/dangling-dir'));
    symlinkSync('gone.txt', path.join(links, 'app/notes.txt')); // not a manifest's name: not our business
    symlinkSync('self.yaml', path.join(links, 'app/self.yaml'));
    symlinkSync('..', path.join(links, 'app/nested/up'));
    symlinkSync('../shared', path.join(links, 'app/shared'));
  });
  afterAll(() => rmSync(links, { recursive: true, force: true }));

  it('warns about each link it skips, naming the path and what is wrong, and loads the rest', async () => {
    const r = await loadManifests(['app'], { cwd: links });
    expect(names(r)).toEqual(['a', 'b']);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      [
        'warning',
        'dangling-symlink',
        '"app/dangling-dir" is a dangling symbolic link: its target "gone-dir" does not exist; skipped',
      ],
      [
        'warning',
        'dangling-symlink',
        '"app/dangling.yaml" is a dangling symbolic link: its target "gone.yaml" does not exist; skipped',
      ],
      [
        'warning',
        'symlink-directory-cycle',
        '"app/nested/up" links to "..", a directory that contains the link (a directory cycle); not followed',
      ],
      [
        'warning',
        'symlink-loop',
        '"app/self.yaml" is a symbolic link loop: following it leads back to a link already followed; skipped',
      ],
      [
        'warning',
        'symlink-directory-skipped',
        '"app/shared" links to the directory "../shared"; linked directories are not followed, so its manifests are not loaded',
      ],
    ]);
  });

  it('loads a linked directory named as a path of its own', async () => {
    const r = await loadManifests(['app/shared'], { cwd: links });
    expect(r.diagnostics).toEqual([]);
    expect(names(r)).toEqual(['shared']);
  });

  it('warns about broken links a glob matches instead of failing', async () => {
    const r = await loadManifests(['app/*.yaml'], { cwd: links });
    expect(names(r)).toEqual(['a']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['dangling-symlink', 'symlink-loop']);
  });
});
