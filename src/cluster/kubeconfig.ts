/**
 * Loading a kubeconfig (file or text, plain or base64) and choosing its context. Problems are the user's to
 * fix, so they say which context exists and which does not; nothing here ever prints a credential.
 */
import * as k8s from '@kubernetes/client-node';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { serverAddressProblem, tlsMaterialProblem } from './kubeconfig-tls.js';

export class KubeconfigError extends Error {
  override name = 'KubeconfigError';
}

export interface LoadedKubeconfig {
  kc: k8s.KubeConfig;
  context: string;
  server: string;
}

/** Accepts kubeconfig YAML, or the same base64-encoded (as it is often stored in a CI secret). */
export function decodeKubeconfig(text: string): string {
  const trimmed = text.trim();
  if (/^[A-Za-z0-9+/=\s]+$/.test(trimmed) && !trimmed.includes(':')) {
    const decoded = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/apiVersion|clusters|contexts/.test(decoded)) return decoded;
  }
  return text;
}

/** Where the kubeconfig came from, and its text (read once: its credentials are masked before any use). */
export interface KubeconfigSource {
  text: string;
  /** Set for a file: relative paths inside it are resolved from its folder. */
  file?: string;
  /** Said in the log: `the kubeconfig input`, `$KUBECONFIG (/path)`, `~/.kube/config`. */
  origin: string;
}

/**
 * The kubeconfig to use: given text, a given file, else `$KUBECONFIG` (its first existing file), else
 * `~/.kube/config` — where cluster login steps (kind, aws eks update-kubeconfig, azure/k8s-set-context,
 * get-gke-credentials) leave it.
 */
export function findKubeconfig(
  given: {
    text?: string;
    file?: string;
    textOrigin?: string;
    /** What to do when none is found, as the face says it. */
    howToGive?: string;
  },
  env: NodeJS.ProcessEnv,
): KubeconfigSource {
  if (given.text?.trim()) return { text: given.text, origin: given.textOrigin ?? 'the kubeconfig given' };
  const read = (file: string, origin: string): KubeconfigSource => {
    try {
      return { text: readFileSync(file, 'utf8'), file, origin };
    } catch (err) {
      throw new KubeconfigError(
        `cannot read the kubeconfig ${file}: ${(err as Error).message.split('\n')[0]}`,
      );
    }
  };
  if (given.file) return read(given.file, given.file);
  const fromEnv = (env.KUBECONFIG ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .find((f) => existsSync(f));
  if (fromEnv) return read(fromEnv, `$KUBECONFIG (${fromEnv})`);
  const home = path.join(env.HOME || homedir(), '.kube', 'config');
  if (existsSync(home)) return read(home, '~/.kube/config');
  throw new KubeconfigError(
    `no kubeconfig: none was given${env.KUBECONFIG ? `, $KUBECONFIG (${env.KUBECONFIG}) names no file that exists` : ', $KUBECONFIG is not set'} and ${home} does not exist; ${given.howToGive ?? 'pass --kubeconfig FILE, or log in to the cluster first (kubectl must work)'}`,
  );
}

export function loadKubeconfigSource(source: KubeconfigSource, context?: string): LoadedKubeconfig {
  return loadKubeconfig(source.file ? { file: source.file } : { text: source.text }, context);
}

export function loadKubeconfig(source: { text?: string; file?: string }, context?: string): LoadedKubeconfig {
  const kc = new k8s.KubeConfig();
  try {
    if (source.text !== undefined) {
      const text = decodeKubeconfig(source.text);
      const parsed = load(text) as Record<string, unknown> | null;
      if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.clusters)) {
        throw new KubeconfigError('the kubeconfig is not valid: it has no "clusters" list');
      }
      kc.loadFromString(text);
    } else if (source.file) kc.loadFromFile(source.file);
    else kc.loadFromDefault();
  } catch (err) {
    if (err instanceof KubeconfigError) throw err;
    // The parser's message may quote the file; it never holds more than a line, and never the secrets' values.
    throw new KubeconfigError(
      `cannot read the kubeconfig${source.file ? ` ${source.file}` : ''}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  if (context) {
    if (!kc.getContextObject(context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new KubeconfigError(
        `the kubeconfig has no context "${context}"; it has: ${known.join(', ') || '(none)'}`,
      );
    }
    kc.setCurrentContext(context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new KubeconfigError(
      kc.getContexts().length === 0
        ? 'the kubeconfig has no contexts'
        : `the kubeconfig's current context "${kc.getCurrentContext()}" names no cluster; pass a context (${kc
            .getContexts()
            .map((c) => c.name)
            .join(', ')})`,
    );
  }
  const tls = serverAddressProblem(kc) ?? tlsMaterialProblem(kc);
  if (tls) throw new KubeconfigError(`the kubeconfig cannot be used: ${tls}`);
  return { kc, context: kc.getCurrentContext(), server: cluster.server };
}

/**
 * Every credential in a kubeconfig (tokens, passwords, keys, certificates, exec env values), so they can be
 * masked in anything hook-sync writes (the action registers them with core.setSecret).
 */
export function kubeconfigSecrets(text: string): string[] {
  const out = new Set<string>();
  let doc: unknown;
  try {
    doc = load(decodeKubeconfig(text));
  } catch {
    return [];
  }
  const users = (doc as { users?: { user?: Record<string, unknown> }[] } | null)?.users ?? [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.length >= 4) {
      out.add(v);
      // Embedded data is base64; mask the decoded form too.
      if (/^[A-Za-z0-9+/=]{8,}$/.test(v)) {
        const decoded = Buffer.from(v, 'base64').toString('utf8');
        if (decoded.length >= 4 && !/[\uFFFD]/.test(decoded))
          for (const line of decoded.split('\n')) if (line.trim().length >= 8) out.add(line.trim());
      }
    }
  };
  for (const { user } of users) {
    if (!user) continue;
    for (const key of ['token', 'password', 'client-key-data', 'client-certificate-data', 'username'])
      add(user[key]);
    const authProvider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined;
    for (const v of Object.values(authProvider?.config ?? {})) add(v);
    const exec = user.exec as { env?: { value?: unknown }[]; args?: unknown[] } | undefined;
    for (const e of exec?.env ?? []) add(e.value);
  }
  // A server address with credentials in it (https://user:password@host): printed wherever the server
  // is named (headers, connection errors), so its user part is a secret too, whole and its password.
  const clusters = (doc as { clusters?: { cluster?: { server?: unknown } }[] } | null)?.clusters ?? [];
  for (const { cluster } of clusters) {
    const userinfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/@\s]+)@/i.exec(String(cluster?.server ?? ''))?.[1];
    if (!userinfo) continue;
    add(userinfo);
    const password = userinfo.slice(userinfo.indexOf(':') + 1);
    if (userinfo.includes(':')) add(password);
    try {
      add(decodeURIComponent(password));
    } catch {
      // not percent-encoded: masked as written above
    }
  }
  return [...out];
}
