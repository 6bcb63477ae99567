/**
 * The server address and TLS material a kubeconfig's current context uses — the cluster's CA, the user's
 * client certificate and key — checked before the cluster is asked anything, so a pasted-wrong field is
 * named as such (which entry, which field) instead of surfacing as an OpenSSL code or a client library's
 * complaint on the first request. Only the entries' names and the fields' names are quoted, never their
 * contents.
 */
import type * as k8s from '@kubernetes/client-node';
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Why the TLS material of the current context is unusable, or undefined. */
export function tlsMaterialProblem(kc: k8s.KubeConfig): string | undefined {
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  const context = kc.getCurrentContext();
  if (cluster && !cluster.skipTLSVerify) {
    const ca = material(cluster.caData, cluster.caFile, 'certificate-authority');
    if (ca.problem) return `cluster "${cluster.name}" (context "${context}"): ${ca.problem}`;
    if (ca.pem !== undefined && !certificate(ca.pem))
      return `cluster "${cluster.name}" (context "${context}"): its ${ca.field} is not a PEM certificate; it must be the cluster's CA certificate (base64-encoded in certificate-authority-data)`;
  }
  if (!user) return undefined;
  const cert = material(user.certData, user.certFile, 'client-certificate');
  const key = material(user.keyData, user.keyFile, 'client-key');
  const where = `user "${user.name}" (context "${context}")`;
  if (cert.problem) return `${where}: ${cert.problem}`;
  if (key.problem) return `${where}: ${key.problem}`;
  if (cert.pem === undefined && key.pem === undefined) return undefined;
  if (cert.pem === undefined || key.pem === undefined)
    return `${where}: it has a ${cert.pem === undefined ? 'client key but no client certificate' : 'client certificate but no client key'}; give both (client-certificate-data and client-key-data), or neither`;
  const x509 = certificate(cert.pem);
  if (!x509)
    return `${where}: its ${cert.field} is not a PEM certificate (base64-encoded in client-certificate-data)`;
  const privateKey = keyOf(key.pem);
  if (!privateKey)
    return `${where}: its ${key.field} is not a PEM private key (base64-encoded in client-key-data)`;
  if (!x509.checkPrivateKey(privateKey))
    return `${where}: its client certificate and client key do not belong together (the key is not the certificate's); take both from the same pair, as your cluster's login command wrote them`;
  return undefined;
}

/**
 * Why the current cluster's server address cannot be used, or undefined. `http://localhost:8080` is what
 * kubectl falls back to without a kubeconfig, so a kubeconfig that says it was most likely not meant.
 */
export function serverAddressProblem(kc: k8s.KubeConfig): string | undefined {
  const cluster = kc.getCurrentCluster();
  if (!cluster) return undefined;
  const where = `cluster "${cluster.name}" (context "${kc.getCurrentContext()}")`;
  let url: URL;
  try {
    url = new URL(cluster.server);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `${where}: its server "${cluster.server}" is not an address; write it as https://host:port, as your cluster's login command prints it`;
  if (url.protocol === 'http:' && !cluster.skipTLSVerify)
    return `${where}: its server ${cluster.server} is plain HTTP, which is refused unless the cluster entry sets insecure-skip-tls-verify: true${url.host === 'localhost:8080' ? " (localhost:8080 is kubectl's default when it has no kubeconfig: was the real one not written?)" : ''}; use the API server's https:// address`;
  return undefined;
}

/** The PEM text of an inline (`*-data`, base64) or file field, or why it cannot be read. */
function material(
  data: string | undefined,
  file: string | undefined,
  name: string,
): { pem?: string; field: string; problem?: string } {
  // As the client reads them: a file wins over inline data.
  if (!file)
    return data
      ? { pem: Buffer.from(data, 'base64').toString('utf8'), field: `${name}-data` }
      : { field: name };
  try {
    return { pem: readFileSync(file, 'utf8'), field: `${name} file ${file}` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      field: name,
      problem: `its ${name} file ${file} cannot be read (${code ?? 'error'}); check the path (relative paths are resolved from the kubeconfig's folder)`,
    };
  }
}

function certificate(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

function keyOf(pem: string): KeyObject | undefined {
  try {
    return createPrivateKey(pem);
  } catch {
    return undefined;
  }
}
