/**
 * Container image references: split into repository, tag and digest, and the repository normalised as
 * Docker and containerd do (`nginx` is `docker.io/library/nginx`), so that an override written either way
 * finds the image. Nothing else is normalised: registry and path are compared exactly.
 */

export interface ImageReference {
  /** Registry and path as written (`ghcr.io/acme/api`, `nginx`). */
  repository: string;
  tag?: string;
  digest?: string;
}

const DEFAULT_REGISTRY = 'docker.io';

/**
 * Splits any string the way a container runtime would read it, without judging it: an image the user
 * wrote with a placeholder (`${IMAGE}`) simply never matches an override.
 */
export function splitImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const named = at >= 0 ? image.slice(0, at) : image;
  // A colon after the last slash starts the tag; one before it is a registry's port.
  const colon = named.lastIndexOf(':');
  const tag = colon > named.lastIndexOf('/') ? named.slice(colon + 1) : undefined;
  return {
    repository: tag === undefined ? named : named.slice(0, colon),
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/**
 * The repository as a runtime pulls it: the registry is the first path component only when it looks like
 * a host (a dot, a port, `localhost`, or upper case); otherwise Docker Hub, whose one-component names
 * live under `library/`. `index.docker.io` is Docker Hub's old name.
 */
export function normaliseRepository(repository: string): string {
  const slash = repository.indexOf('/');
  const first = slash < 0 ? '' : repository.slice(0, slash);
  const isHost =
    slash >= 0 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  let registry = isHost ? first : DEFAULT_REGISTRY;
  let path = isHost ? repository.slice(slash + 1) : repository;
  if (registry === 'index.docker.io') registry = DEFAULT_REGISTRY;
  if (registry === DEFAULT_REGISTRY && !path.includes('/')) path = `library/${path}`;
  return `${registry}/${path}`;
}

/** The image string with its tag and digest replaced, the repository kept as written. */
export function formatImage(repository: string, tag: string | undefined, digest: string | undefined): string {
  return `${repository}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
}

// The reference grammar of the distribution project (docker/distribution `reference`), written out.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGESTS: Record<string, number> = { sha256: 64, sha512: 128 };
const MAX_NAME_LENGTH = 255;

/**
 * Why `text` is not a usable override (`REPOSITORY:TAG`, `REPOSITORY@DIGEST`, or both), or undefined
 * when it is one.
 */
export function overrideProblem(text: string): string | undefined {
  if (/\s/.test(text)) return 'it contains a space (write one image per line, or one per --image)';
  const ref = splitImage(text);
  if (ref.tag === undefined && ref.digest === undefined)
    return 'it names no tag or digest, so there is nothing to put in place of the current one';
  if (!ref.repository) return 'the repository is missing';
  if (ref.repository.length > MAX_NAME_LENGTH)
    return `the repository is longer than ${MAX_NAME_LENGTH} characters`;
  if (!NAME.test(ref.repository)) {
    const path = ref.repository.slice(ref.repository.indexOf('/') + 1);
    return /[A-Z]/.test(path)
      ? `the repository "${ref.repository}" has upper-case letters in its path, which registries refuse`
      : `"${ref.repository}" is not a repository name`;
  }
  if (ref.tag !== undefined && !TAG.test(ref.tag))
    return `"${ref.tag}" is not a tag (letters, digits, _ . -, at most 128, not starting with . or -)`;
  if (ref.digest !== undefined) {
    const [algorithm, hex = ''] = ref.digest.split(':', 2);
    const length = DIGESTS[algorithm ?? ''];
    if (!length || hex.length !== length || !/^[a-f0-9]+$/.test(hex) || ref.digest.split(':').length > 2)
      return `"${ref.digest}" is not a digest (sha256: and 64 lower-case hex digits)`;
  }
  return undefined;
}
