/**
 * `namespace-labels` / `namespace-annotations` (and `--namespace-label k=v`): `key=value` entries, checked
 * here with Kubernetes' own rules so a typo is refused with its entry before anything reaches the cluster.
 */

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why a label or annotation key is not valid, or undefined. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    return `its prefix "${prefix}" must be a DNS subdomain (lower case, like example.com)`;
  if (!NAME.test(name))
    return 'its name must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  return undefined;
}

function labelValueProblem(value: string): string | undefined {
  if (value === '' || NAME.test(value)) return undefined;
  return 'a label value must be at most 63 characters of letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
}

export interface ParsedMetadata {
  values: Record<string, string>;
  /** One message per bad entry, naming it. */
  errors: string[];
}

/** `key=value` (or `key: value`) per entry; blank entries and `#` comments are ignored. */
export function parseNamespaceMetadata(
  entries: readonly string[],
  kind: 'label' | 'annotation',
  source: string,
): ParsedMetadata {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry || entry.startsWith('#')) continue;
    const at = /[=:]/.exec(entry);
    if (!at) {
      errors.push(`${source}: "${entry}" is not key=value`);
      continue;
    }
    const key = entry.slice(0, at.index).trim();
    let value = entry.slice(at.index + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    const problem = keyProblem(key) ?? (kind === 'label' ? labelValueProblem(value) : undefined);
    if (problem) errors.push(`${source}: ${kind} "${entry}" is not valid: ${problem}`);
    else values[key] = value;
  }
  return { values, errors };
}

/** A namespace name Kubernetes accepts (an RFC 1123 label). */
export function namespaceNameProblem(name: string): string | undefined {
  if (name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return undefined;
  return `namespace "${name}" is not a valid name: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. pr-42)`;
}
