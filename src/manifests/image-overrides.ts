/**
 * Image substitution (`--image`, the action's `images`): an entry `REPOSITORY:TAG` or
 * `REPOSITORY@sha256:…` replaces the tag and digest of every container whose image has that repository,
 * in every pod template of the loaded manifests, hooks included. Only image strings change; the objects
 * are otherwise sent exactly as written. Pure: entries and manifests in, new manifests and a record of
 * every substitution out.
 */
import type { Diagnostic, ObjectRef, SourceLocation } from '../diagnostics.js';
import { groupOf, isRecord, type KubeObject } from './kube-object.js';
import type { Manifest } from './load-manifests.js';
import { formatImage, normaliseRepository, overrideProblem, splitImage } from './image-reference.js';

/** One entry as the user gave it, and where: `--image`, or `input "images", line 2`. */
export interface ImageOverrideInput {
  value: string;
  origin: string;
}

export interface ImageOverride {
  /** The entry as written. */
  entry: string;
  origin: string;
  /** Normalised (docker.io/library/nginx): what container images are compared on. */
  repository: string;
  tag?: string;
  digest?: string;
}

export type ContainerField = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ImageSubstitution {
  /** As written in the manifest; the plan puts the final name and namespace here. */
  object: ObjectRef;
  container: string;
  field: ContainerField;
  from: string;
  to: string;
  /** The entry that made it. */
  entry: string;
  /** The line of the image field. */
  source: SourceLocation;
  /** Where the object starts: the same value the plan's tasks carry, to find them. */
  manifest: SourceLocation;
}

export interface ImageOverrideResult {
  manifests: Manifest[];
  substitutions: ImageSubstitution[];
  diagnostics: Diagnostic[];
}

const EXPECTED =
  'write REPOSITORY:TAG or REPOSITORY@sha256:<64 hex digits>, e.g. ghcr.io/acme/api:0123abc; the repository is compared with each container image, registry and path exactly';

/** Action input text: one entry a line; blank lines and `#` comments skipped, line numbers kept. */
export function overrideInputsFromLines(text: string, inputName: string): ImageOverrideInput[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const value = line.trim();
    return value && !value.startsWith('#') ? [{ value, origin: `input "${inputName}", line ${i + 1}` }] : [];
  });
}

export function overrideInputsFromFlags(values: readonly string[] | undefined): ImageOverrideInput[] {
  return (values ?? []).map((value) => ({ value: value.trim(), origin: '--image' }));
}

export function parseImageOverrides(inputs: readonly ImageOverrideInput[]): {
  overrides: ImageOverride[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const byRepository = new Map<string, ImageOverride>();
  for (const { value, origin } of inputs) {
    const problem = overrideProblem(value);
    if (problem) {
      diagnostics.push({
        severity: 'error',
        code: 'invalid-image-override',
        message: `the image "${value}" (${origin}) cannot be used: ${problem}`,
        hint: EXPECTED,
      });
      continue;
    }
    const ref = splitImage(value);
    const override: ImageOverride = {
      entry: value,
      origin,
      repository: normaliseRepository(ref.repository),
      ...(ref.tag !== undefined ? { tag: ref.tag } : {}),
      ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
    };
    const earlier = byRepository.get(override.repository);
    if (!earlier) byRepository.set(override.repository, override);
    else if (earlier.tag !== override.tag || earlier.digest !== override.digest)
      diagnostics.push({
        severity: 'error',
        code: 'conflicting-image-overrides',
        message: `the image "${value}" (${origin}) and "${earlier.entry}" (${earlier.origin}) are for the same repository ${override.repository}`,
        hint: 'give one image per repository',
      });
  }
  return { overrides: [...byRepository.values()], diagnostics };
}

/** Where the pod spec is, by `group/Kind`; the kinds whose containers a substitution reaches. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  '/Pod': ['spec'],
  '/PodTemplate': ['template', 'spec'],
  '/ReplicationController': ['spec', 'template', 'spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_FIELDS: readonly ContainerField[] = ['containers', 'initContainers', 'ephemeralContainers'];

function podSpecPath(object: KubeObject): readonly string[] | undefined {
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return undefined;
  return POD_SPEC_PATHS[`${groupOf(object.apiVersion)}/${object.kind}`];
}

function fieldAt(root: unknown, fieldPath: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of fieldPath) {
    if (typeof key === 'number' ? !Array.isArray(node) : !isRecord(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function objectRef(object: KubeObject): ObjectRef {
  const meta = object.metadata ?? {};
  const name =
    typeof meta.name === 'string'
      ? meta.name
      : typeof meta.generateName === 'string'
        ? `${meta.generateName}…`
        : '(no name)';
  return {
    kind: String(object.kind),
    name,
    ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
  };
}

interface Write {
  path: (string | number)[];
  image: string;
}

/**
 * Every container image of `manifest` that an override names, with its new value. Read from the object
 * as loaded, before anything is written: YAML aliases can make two containers one shared value.
 */
function plannedWrites(
  manifest: Manifest,
  overrides: ReadonlyMap<string, ImageOverride>,
  matched: Set<ImageOverride>,
  seen: Set<string>,
): { writes: Write[]; substitutions: ImageSubstitution[] } {
  const writes: Write[] = [];
  const substitutions: ImageSubstitution[] = [];
  const specPath = podSpecPath(manifest.object);
  if (!specPath) return { writes, substitutions };
  for (const field of CONTAINER_FIELDS) {
    const containers = fieldAt(manifest.object, [...specPath, field]);
    if (!Array.isArray(containers)) continue;
    containers.forEach((container: unknown, index) => {
      if (!isRecord(container) || typeof container.image !== 'string') return;
      const ref = splitImage(container.image);
      seen.add(ref.repository);
      const override = overrides.get(normaliseRepository(ref.repository));
      if (!override) return;
      matched.add(override);
      const image = formatImage(ref.repository, override.tag, override.digest);
      if (image === container.image) return;
      const path = [...specPath, field, index, 'image'];
      writes.push({ path, image });
      substitutions.push({
        object: objectRef(manifest.object),
        container: typeof container.name === 'string' ? container.name : `#${index + 1}`,
        field,
        from: container.image,
        to: image,
        entry: override.entry,
        source: manifest.locate(path),
        manifest: manifest.source,
      });
    });
  }
  return { writes, substitutions };
}

function unmatchedWarning(override: ImageOverride, seen: ReadonlySet<string>): Diagnostic {
  const found = [...seen].sort();
  const listed = found.slice(0, 8).join(', ') + (found.length > 8 ? `, … (${found.length} in all)` : '');
  return {
    severity: 'warning',
    code: 'image-override-unmatched',
    message: `no container image has the repository of "${override.entry}" (${override.origin}); nothing was substituted for it`,
    hint: found.length
      ? `the repositories in the manifests are ${listed}; registry and path must be the same (docker.io/library/ may be left out)`
      : 'the manifests have no container images',
  };
}

/**
 * Applies the overrides. Objects with a substitution are copied (the copy differs in image strings
 * only); every other manifest is returned as it was.
 */
export function applyImageOverrides(
  manifests: readonly Manifest[],
  overrides: readonly ImageOverride[],
): ImageOverrideResult {
  if (overrides.length === 0) return { manifests: [...manifests], substitutions: [], diagnostics: [] };
  const byRepository = new Map(overrides.map((o) => [o.repository, o]));
  const matched = new Set<ImageOverride>();
  const seen = new Set<string>();
  const substitutions: ImageSubstitution[] = [];
  const out = manifests.map((manifest) => {
    const planned = plannedWrites(manifest, byRepository, matched, seen);
    if (planned.writes.length === 0) return manifest;
    substitutions.push(...planned.substitutions);
    // structuredClone keeps values that aliases share shared: each write then lands once per value.
    const object = structuredClone(manifest.object);
    for (const { path, image } of planned.writes) {
      const container = fieldAt(object, path.slice(0, -1)) as Record<string, unknown>;
      container.image = image;
    }
    return { ...manifest, object };
  });
  const diagnostics = overrides.filter((o) => !matched.has(o)).map((o) => unmatchedWarning(o, seen));
  return { manifests: out, substitutions, diagnostics };
}
