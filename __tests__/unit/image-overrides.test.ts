// Image substitution (--image, the action's `images`): which entries are accepted, which containers they
// reach, that nothing but image strings changes, and how the plan and its reports show it.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidInputError, type Diagnostic } from '../../src/diagnostics.js';
import {
  applyImageOverrides,
  overrideInputsFromFlags,
  overrideInputsFromLines,
  parseImageOverrides,
  type ImageOverrideInput,
} from '../../src/manifests/image-overrides.js';
import { normaliseRepository, splitImage } from '../../src/manifests/image-reference.js';
import { parseManifestText } from '../../src/manifests/load-manifests.js';
import { loadPlan } from '../../src/plan/load-plan.js';
import { imagesMarkdown } from '../../src/report/image-substitutions.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { planJson, renderPlanText } from '../../src/report/plan-report.js';
import { renderPlanMarkdown } from '../../src/report/plan-summary.js';

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;

const flags = (...values: string[]) => overrideInputsFromFlags(values);

function substitute(yaml: string, entries: ImageOverrideInput[]) {
  const diagnostics: Diagnostic[] = [];
  const manifests = parseManifestText(yaml, 'app.yaml', diagnostics);
  expect(diagnostics).toEqual([]);
  const parsed = parseImageOverrides(entries);
  expect(parsed.diagnostics).toEqual([]);
  const result = applyImageOverrides(manifests, parsed.overrides);
  return { before: manifests, ...result, images: result.manifests.map((m) => imagesOf(m.object)) };
}

/** Every container image of an object, as `field/name=image`. */
function imagesOf(object: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (['containers', 'initContainers', 'ephemeralContainers'].includes(key) && Array.isArray(value))
        for (const c of value as { name: string; image: string }[]) out.push(`${key}/${c.name}=${c.image}`);
      else visit(value);
    }
  };
  visit(object);
  return out;
}

const podSpec = (indent: string, containers: string) =>
  containers
    .trim()
    .split('\n')
    .map((l) => indent + l)
    .join('\n');

const template = (indent: string, containers: string) =>
  `${indent}template:\n${indent}  spec:\n${podSpec(indent + '    ', containers)}\n`;

const API_CONTAINERS = `
initContainers:
  - {name: wait, image: ghcr.io/acme/api:old}
containers:
  - {name: api, image: ghcr.io/acme/api:old}
  - {name: worker, image: ghcr.io/acme/api-worker:old}
  - {name: proxy, image: nginx:1.27}`;

const workload = (apiVersion: string, kind: string, name: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${template('  ', API_CONTAINERS)}---\n`;

const EVERY_KIND =
  `apiVersion: v1\nkind: Pod\nmetadata: {name: pod}\nspec:\n${podSpec(
    '  ',
    API_CONTAINERS + '\nephemeralContainers:\n  - {name: debug, image: ghcr.io/acme/api:old}',
  )}\n---\n` +
  `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: tpl}\n${template('', API_CONTAINERS)}---\n` +
  workload('v1', 'ReplicationController', 'rc') +
  workload('apps/v1', 'Deployment', 'deploy') +
  workload('apps/v1', 'StatefulSet', 'sts') +
  workload('apps/v1', 'DaemonSet', 'ds') +
  workload('apps/v1', 'ReplicaSet', 'rs') +
  workload('batch/v1', 'Job', 'job') +
  `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cron}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n${template('      ', API_CONTAINERS)}---\n` +
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: not-a-workload}\ndata:\n  containers: "image: ghcr.io/acme/api:old"\n`;

describe('image references', () => {
  it('splits repository, tag and digest, a registry port not taken for a tag', () => {
    expect(splitImage('localhost:5000/acme/api')).toEqual({ repository: 'localhost:5000/acme/api' });
    expect(splitImage('localhost:5000/acme/api:1.2')).toEqual({
      repository: 'localhost:5000/acme/api',
      tag: '1.2',
    });
    expect(splitImage(`ghcr.io/acme/api:1.2@${DIGEST_A}`)).toEqual({
      repository: 'ghcr.io/acme/api',
      tag: '1.2',
      digest: DIGEST_A,
    });
  });

  it('normalises as Docker does, and nothing more', () => {
    expect(normaliseRepository('nginx')).toBe('docker.io/library/nginx');
    expect(normaliseRepository('docker.io/nginx')).toBe('docker.io/library/nginx');
    expect(normaliseRepository('index.docker.io/library/nginx')).toBe('docker.io/library/nginx');
    expect(normaliseRepository('acme/api')).toBe('docker.io/acme/api');
    expect(normaliseRepository('ghcr.io/acme/api')).toBe('ghcr.io/acme/api');
    expect(normaliseRepository('localhost/api')).toBe('localhost/api');
    expect(normaliseRepository('registry:5000/api')).toBe('registry:5000/api');
  });
});

describe('parsing entries', () => {
  it('accepts a tag, a digest or both, and says where each entry came from', () => {
    const { overrides, diagnostics } = parseImageOverrides([
      ...flags('ghcr.io/acme/api:0123abc', `ghcr.io/acme/web@${DIGEST_A}`),
      ...overrideInputsFromLines(`\n# the proxy\n  nginx:1.28@${DIGEST_B}  \n`, 'images'),
    ]);
    expect(diagnostics).toEqual([]);
    expect(overrides).toEqual([
      {
        entry: 'ghcr.io/acme/api:0123abc',
        origin: '--image',
        repository: 'ghcr.io/acme/api',
        tag: '0123abc',
      },
      {
        entry: `ghcr.io/acme/web@${DIGEST_A}`,
        origin: '--image',
        repository: 'ghcr.io/acme/web',
        digest: DIGEST_A,
      },
      {
        entry: `nginx:1.28@${DIGEST_B}`,
        origin: 'input "images", line 3',
        repository: 'docker.io/library/nginx',
        tag: '1.28',
        digest: DIGEST_B,
      },
    ]);
  });

  it.each([
    ['ghcr.io/acme/api', /names no tag or digest/],
    ['ghcr.io/acme/api:', /"" is not a tag/],
    ['ghcr.io/acme/api:-x', /"-x" is not a tag/],
    ['ghcr.io/acme/api@sha256:abc', /is not a digest \(sha256: and 64 lower-case hex digits\)/],
    [`ghcr.io/acme/api@md5:${'a'.repeat(64)}`, /is not a digest/],
    [`ghcr.io/acme/api@sha256:${'A'.repeat(64)}`, /is not a digest/],
    ['ghcr.io/Acme/api:1', /upper-case letters in its path/],
    ['ghcr.io/acme/api:1 ghcr.io/acme/web:1', /contains a space/],
    ['ghcr.io//api:1', /is not a repository name/],
    [':1', /the repository is missing/],
  ])('refuses %s, saying why and what form is expected', (entry, why) => {
    const { overrides, diagnostics } = parseImageOverrides(
      overrideInputsFromLines(`x:1\n${entry}`, 'images'),
    );
    expect(overrides.map((o) => o.entry)).toEqual(['x:1']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'invalid-image-override' });
    expect(diagnostics[0]!.message).toContain(`"${entry}" (input "images", line 2)`);
    expect(diagnostics[0]!.message).toMatch(why);
    expect(diagnostics[0]!.hint).toContain('REPOSITORY:TAG or REPOSITORY@sha256:<64 hex digits>');
  });

  it('refuses two different images for one repository, however it is written', () => {
    const { diagnostics } = parseImageOverrides(
      flags('nginx:1.27', 'docker.io/library/nginx:1.28', 'nginx:1.27'),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['conflicting-image-overrides']);
    expect(diagnostics[0]!.message).toContain(
      '"docker.io/library/nginx:1.28" (--image) and "nginx:1.27" (--image)',
    );
  });
});

describe('applying them', () => {
  it('reaches containers, init and ephemeral containers of every workload kind, and no other repository', () => {
    const r = substitute(EVERY_KIND, flags('ghcr.io/acme/api:new'));
    expect(r.diagnostics).toEqual([]);
    const expected = (ephemeral: boolean) => [
      'initContainers/wait=ghcr.io/acme/api:new',
      'containers/api=ghcr.io/acme/api:new',
      'containers/worker=ghcr.io/acme/api-worker:old',
      'containers/proxy=nginx:1.27',
      ...(ephemeral ? ['ephemeralContainers/debug=ghcr.io/acme/api:new'] : []),
    ];
    expect(r.images.slice(0, 9)).toEqual([expected(true), ...Array(8).fill(expected(false))]);
    // Not a pod template: untouched, and the same object.
    expect(r.manifests[9]!.object).toBe(r.before[9]!.object);
    expect(r.substitutions.map((s) => `${s.object.kind}/${s.object.name} ${s.field}/${s.container}`)).toEqual(
      [
        'Pod',
        'PodTemplate',
        'ReplicationController',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'Job',
        'CronJob',
      ].flatMap((kind, i) => {
        const name = ['pod', 'tpl', 'rc', 'deploy', 'sts', 'ds', 'rs', 'job', 'cron'][i];
        return [
          `${kind}/${name} containers/api`,
          `${kind}/${name} initContainers/wait`,
          ...(kind === 'Pod' ? [`${kind}/${name} ephemeralContainers/debug`] : []),
        ];
      }),
    );
  });

  it('changes nothing but image strings, and never the manifests it was given', () => {
    const yaml = workload('apps/v1', 'Deployment', 'deploy').replace(
      'spec:\n',
      'spec:\n  replicas: 3\n  revisionHistoryLimit: 0\n',
    );
    const r = substitute(yaml, flags('ghcr.io/acme/api:new'));
    const original = structuredClone(r.before[0]!.object);
    const changed = structuredClone(r.manifests[0]!.object) as any;
    expect(r.before[0]!.object).toEqual(original);
    for (const c of [...changed.spec.template.spec.containers, ...changed.spec.template.spec.initContainers])
      c.image = c.image.replace(':new', ':old');
    expect(changed).toEqual(original);
  });

  it('goes tag → digest, digest → tag, and tag and digest → exactly what the entry says', () => {
    const pod = (images: string[]) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${images.map((image, i) => `    - {name: c${i}, image: "${image}"}`).join('\n')}\n`;
    const given = [
      'ghcr.io/acme/api:old',
      `ghcr.io/acme/api@${DIGEST_A}`,
      `ghcr.io/acme/api:old@${DIGEST_A}`,
      'ghcr.io/acme/api',
    ];
    const prefix = (images: string[]) => images.map((image, i) => `containers/c${i}=${image}`);
    expect(substitute(pod(given), flags(`ghcr.io/acme/api@${DIGEST_B}`)).images[0]).toEqual(
      prefix(Array(4).fill(`ghcr.io/acme/api@${DIGEST_B}`)),
    );
    expect(substitute(pod(given), flags('ghcr.io/acme/api:v2')).images[0]).toEqual(
      prefix(Array(4).fill('ghcr.io/acme/api:v2')),
    );
    expect(substitute(pod(given), flags(`ghcr.io/acme/api:v2@${DIGEST_B}`)).images[0]).toEqual(
      prefix(Array(4).fill(`ghcr.io/acme/api:v2@${DIGEST_B}`)),
    );
  });

  it('matches Docker Hub names written either way, keeping each repository as written', () => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:
    - {name: a, image: nginx:1.27}
    - {name: b, image: docker.io/library/nginx}
    - {name: c, image: index.docker.io/library/nginx:1.26}
    - {name: d, image: ghcr.io/library/nginx:1.27}
    - {name: e, image: "localhost:5000/nginx:1.27"}\n`;
    expect(substitute(pod, flags('nginx:1.28')).images[0]).toEqual([
      'containers/a=nginx:1.28',
      'containers/b=docker.io/library/nginx:1.28',
      'containers/c=index.docker.io/library/nginx:1.28',
      'containers/d=ghcr.io/library/nginx:1.27',
      'containers/e=localhost:5000/nginx:1.27',
    ]);
  });

  it('records each substitution with its container and the line of its image, once per change', () => {
    const r = substitute(
      workload('apps/v1', 'Deployment', 'deploy'),
      flags('ghcr.io/acme/api:new', 'nginx:1.27'),
    );
    expect(r.substitutions).toEqual([
      expect.objectContaining({
        object: { kind: 'Deployment', name: 'deploy' },
        container: 'api',
        field: 'containers',
        from: 'ghcr.io/acme/api:old',
        to: 'ghcr.io/acme/api:new',
        entry: 'ghcr.io/acme/api:new',
        source: { file: 'app.yaml', line: 10 },
      }),
      expect.objectContaining({
        container: 'wait',
        field: 'initContainers',
        source: { file: 'app.yaml', line: 8 },
      }),
    ]);
    // nginx:1.27 is what the manifest has: it matched (no warning) and changed nothing.
    expect(r.diagnostics).toEqual([]);
  });

  it('reads every image before writing one: containers a YAML alias shares are substituted from their own value', () => {
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:
  initContainers: [&c {name: same, image: "ghcr.io/acme/api:old"}]
  containers: [*c]\n`;
    const r = substitute(yaml, flags('ghcr.io/acme/api:new'));
    expect(r.images[0]).toEqual([
      'initContainers/same=ghcr.io/acme/api:new',
      'containers/same=ghcr.io/acme/api:new',
    ]);
    expect(r.substitutions.map((s) => `${s.from} → ${s.to}`)).toEqual([
      'ghcr.io/acme/api:old → ghcr.io/acme/api:new',
      'ghcr.io/acme/api:old → ghcr.io/acme/api:new',
    ]);
  });

  it('warns about an entry that matches nothing, with the entry, where it came from and what is there', () => {
    const diagnostics: Diagnostic[] = [];
    const manifests = parseManifestText(workload('apps/v1', 'Deployment', 'deploy'), 'app.yaml', diagnostics);
    const { overrides } = parseImageOverrides(
      overrideInputsFromLines('ghcr.io/acme/api:new\nghcr.io/acme/ap:new', 'images'),
    );
    const r = applyImageOverrides(manifests, overrides);
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'image-override-unmatched',
        message:
          'no container image has the repository of "ghcr.io/acme/ap:new" (input "images", line 2); nothing was substituted for it',
        hint: 'the repositories in the manifests are ghcr.io/acme/api, ghcr.io/acme/api-worker, nginx; registry and path must be the same (docker.io/library/ may be left out)',
      },
    ]);
  });
});

describe('the plan', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hook-sync-images-'));
  writeFileSync(
    path.join(dir, 'app.yaml'),
    workload('apps/v1', 'Deployment', 'deploy') +
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n  annotations: {argocd.argoproj.io/hook: PreSync}\nspec:\n${template('  ', 'containers:\n  - {name: migrate, image: "ghcr.io/acme/api:old"}')}`,
  );
  const options = {
    cwd: dir,
    operation: 'sync' as const,
    namespace: 'shop',
    revision: '0123456789abcdef',
    startedAt: 1_700_000_000,
  };

  it('carries the substitutions, named as the tasks are, into the listing, the JSON and the Markdown', async () => {
    const plan = await loadPlan(['app.yaml'], { ...options, images: flags('ghcr.io/acme/api:new') });
    const hook = plan.tasks.find((t) => t.hook)!;
    expect((hook.object as any).spec.template.spec.containers[0].image).toBe('ghcr.io/acme/api:new');
    expect(
      plan.images!.map((s) => `${s.object.kind} ${s.object.namespace}/${s.object.name} ${s.container}`),
    ).toEqual(['Deployment shop/deploy api', 'Deployment shop/deploy wait', `Job shop/${hook.name} migrate`]);
    const text = renderPlanText(plan);
    expect(
      text
        .slice(text.indexOf('\nImages'))
        .split('\n')
        .map((l) => l.split(/\s{2,}/)),
    ).toEqual([
      [''],
      ['Images (3 substituted):'],
      ['', 'Deployment shop/deploy api', 'ghcr.io/acme/api:old → ghcr.io/acme/api:new', 'app.yaml:10'],
      ['', 'Deployment shop/deploy wait (init)', 'ghcr.io/acme/api:old → ghcr.io/acme/api:new', 'app.yaml:8'],
      ['', `Job shop/${hook.name} migrate`, 'ghcr.io/acme/api:old → ghcr.io/acme/api:new', 'app.yaml:23'],
      [''],
    ]);
    expect(planJson(plan).images![0]).toEqual({
      kind: 'Deployment',
      namespace: 'shop',
      name: 'deploy',
      container: 'api',
      field: 'containers',
      from: 'ghcr.io/acme/api:old',
      to: 'ghcr.io/acme/api:new',
      source: 'app.yaml:10',
    });
    const markdown = renderPlanMarkdown(plan, { app: 'shop' });
    expect(markdown).toContain('### Images (3 substituted)');
    expect(markdown).toContain(
      '| Deployment shop/deploy | api | <code>ghcr.io/acme/api:old</code> → <code>ghcr.io/acme/api:new</code> | <code>app.yaml:10</code> |',
    );
    expect(markdown.indexOf('### Images')).toBeLessThan(markdown.indexOf('### Order'));
  });

  it('has no images section, and no images field, without substitutions', async () => {
    const plan = await loadPlan(['app.yaml'], options);
    expect(plan.images).toBeUndefined();
    expect(renderPlanText(plan)).not.toContain('Images');
    expect(planJson(plan)).not.toHaveProperty('images');
  });

  it('refuses a malformed entry with every other error, and keeps the no-match warning for a good one', async () => {
    const err = await loadPlan(['app.yaml'], {
      ...options,
      images: [...flags('ghcr.io/acme/api'), ...flags('ghcr.io/acme/nothing:1')],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).diagnostics.map((d) => d.code)).toEqual(['invalid-image-override']);
    const plan = await loadPlan(['app.yaml'], { ...options, images: flags('ghcr.io/acme/nothing:1') });
    expect(plan.warnings.map((d) => d.code)).toEqual(['image-override-unmatched']);
    expect(plan.images).toBeUndefined();
  });
});

describe('the reports', () => {
  const substitution = {
    object: { kind: 'Deployment', namespace: 'shop', name: 'web|<b>' },
    container: 'web',
    field: 'containers' as const,
    from: 'ghcr.io/acme/api:old',
    to: 'ghcr.io/acme/api:<new>',
    entry: 'ghcr.io/acme/api:<new>',
    source: { file: 'app.yaml', line: 3 },
    manifest: { file: 'app.yaml', line: 1 },
  };

  it('escapes what users wrote', () => {
    expect(imagesMarkdown([substitution])[4]).toBe(
      '| Deployment shop/web\\|&lt;b&gt; | web | <code>ghcr.io/acme/api:old</code> → <code>ghcr.io/acme/api:&lt;new&gt;</code> | <code>app.yaml:3</code> |',
    );
  });

  it('puts an Images section in the job summary, before the tasks', () => {
    const result = {
      status: 'Succeeded' as const,
      message: 'done',
      revision: 'abc',
      startedAt: '2024-01-01T00:00:00.000Z',
      finishedAt: '2024-01-01T00:00:01.000Z',
      tasks: [],
    };
    const ctx = { app: 'shop', namespace: 'shop', context: '', warnings: [] };
    expect(renderJobSummary(result, ctx)).not.toContain('Images');
    expect(renderJobSummary(result, { ...ctx, images: [substitution] })).toContain(
      '### Images (1 substituted)\n\n| Object | Container | Image | Manifest |',
    );
  });
});
