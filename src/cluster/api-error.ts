/** A failed API request, with the server's Status (reason, message, causes) parsed out of the body. */
export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly causes: { field?: string; message?: string; reason?: string }[] = [],
    /** The server's Retry-After header as sent (seconds or an HTTP-date): it did not act, come back then. */
    readonly retryAfter?: string,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }

  static fromResponse(code: number, body: string, retryAfter?: string): KubeApiError {
    try {
      const status = JSON.parse(body) as {
        reason?: string;
        message?: string;
        details?: { causes?: KubeApiError['causes'] };
      };
      if (status && typeof status === 'object' && status.message) {
        const causes = status.details?.causes ?? [];
        return new KubeApiError(
          code,
          status.reason ?? 'Unknown',
          readableMessage(code, status.message, causes),
          causes,
          retryAfter || undefined,
        );
      }
    } catch {
      /* not a Status */
    }
    return new KubeApiError(
      code,
      code === 404 ? 'NotFound' : 'Unknown',
      body.trim().slice(0, 500) || `HTTP ${code}`,
      [],
      retryAfter || undefined,
    );
  }

  get notFound(): boolean {
    return this.code === 404;
  }
}

/** The connection itself failed (refused, reset, DNS): the request may or may not have reached the server. */
export class KubeConnectionError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'KubeConnectionError';
  }
}

/** What to tell a person when the cluster itself failed a request: refused credentials get a hint. */
export function clusterErrorDetail(err: unknown): string {
  if (err instanceof KubeApiError && err.code === 403 && rbacDenial(err.message)) return err.message;
  return err instanceof KubeApiError && (err.code === 401 || err.code === 403)
    ? `${err.message} (the cluster refused the kubeconfig's credentials${err.code === 403 ? ' or they lack permission' : ''}; check the kubeconfig and its context)`
    : (err as Error).message;
}

/**
 * The API server's message, made to say what to do: an RBAC refusal gets who needs which permission,
 * and a validation error's value dumps (a whole pod template, for an immutable field) are left out.
 */
function readableMessage(code: number, message: string, causes: KubeApiError['causes']): string {
  if (code === 403) {
    const denial = rbacDenial(message);
    if (denial) return `${message} (${rbacRemedy(denial)})`;
  }
  // Server-side apply's answer (a 500, as upstream) for a field the kind does not have.
  const undeclared = /failed to create typed patch object .*?: (\.\S+): field not declared in schema/.exec(
    message,
  );
  if (undeclared)
    return `${message} (${undeclared[1]} is not a field of this kind: check its spelling and indentation)`;
  let out = message;
  for (const cause of causes) {
    const text = cause.message ?? '';
    const dump = /^Invalid value: ([\s\S]{160,}): ([^:]+)$/.exec(text);
    if (dump && out.includes(text))
      out = out.replace(text, `Invalid value (${dump[1]!.length} characters, not shown): ${dump[2]}`);
  }
  return out;
}

interface RbacDenial {
  user: string;
  verb: string;
  resource: string;
  group: string;
  namespace?: string;
}

/** The parts of the API server's RBAC refusal: `User "u" cannot VERB resource "R" in API group "G" …`. */
function rbacDenial(message: string): RbacDenial | undefined {
  const m =
    /User "([^"]+)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(
      message,
    );
  return m ? { user: m[1]!, verb: m[2]!, resource: m[3]!, group: m[4]!, namespace: m[5] } : undefined;
}

function rbacRemedy(d: RbacDenial): string {
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(d.user);
  const who = sa ? `ServiceAccount ${sa[1]}/${sa[2]}` : `User "${d.user}"`;
  const what = `"${d.verb}" on ${d.group ? `${d.resource}.${d.group}` : d.resource}`;
  return d.namespace
    ? `ask a cluster admin for ${what} in namespace ${d.namespace} for ${who} (a Role and RoleBinding), or use a kubeconfig whose user has it`
    : `ask a cluster admin for ${what} for ${who} (a ClusterRole and ClusterRoleBinding), or use a kubeconfig whose user has it`;
}

/** The names a connection failure is explained with: which cluster, context and user of the kubeconfig. */
export interface ConnectionTarget {
  server: string;
  cluster?: string;
  context?: string;
  user?: string;
}

const UNTRUSTED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

/** Error codes along the `cause` chain (fetch wraps the socket's error). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    e = e.cause as typeof e;
  }
  return codes;
}

/**
 * A connection failure a person must fix in the kubeconfig (an untrusted or wrong certificate, a key that
 * does not fit, an address nothing answers at) said as such, naming the kubeconfig's entries; undefined
 * for the others (a reset, a timeout), whose low-level message is kept.
 */
export function connectionProblem(err: unknown, target: ConnectionTarget): string | undefined {
  const codes = codesOf(err);
  const cluster = `cluster "${target.cluster ?? '?'}" (context "${target.context ?? '?'}")`;
  const code = codes.find((c) => UNTRUSTED_CERTIFICATE.has(c));
  if (code)
    return `the server's certificate is not trusted by the certificate authority the kubeconfig gives for ${cluster} (${code}): check that its certificate-authority-data is the CA of ${target.server}, and that this is the cluster you mean`;
  if (codes.includes('ERR_TLS_CERT_ALTNAME_INVALID'))
    return `the server's certificate does not name the host of ${target.server} (ERR_TLS_CERT_ALTNAME_INVALID): check the server address of ${cluster}`;
  if (codes.includes('CERT_HAS_EXPIRED') || codes.includes('CERT_NOT_YET_VALID'))
    return `the server's certificate is outside its validity period (${codes.includes('CERT_HAS_EXPIRED') ? 'CERT_HAS_EXPIRED' : 'CERT_NOT_YET_VALID'}): the cluster's certificate must be renewed, or this machine's clock is wrong`;
  if (codes.includes('ERR_OSSL_X509_KEY_VALUES_MISMATCH'))
    return `the client certificate and key of user "${target.user ?? '?'}" (context "${target.context ?? '?'}") do not belong together: take both from the same pair`;
  const unreadable = codes.find((c) => c.startsWith('ERR_OSSL_'));
  if (unreadable)
    return `the TLS material of ${cluster}, user "${target.user ?? '?'}", cannot be used (${unreadable}): check that the certificate-authority-data, client-certificate-data and client-key-data fields hold base64-encoded PEM`;
  if (codes.includes('ECONNREFUSED'))
    return `nothing answers there (ECONNREFUSED): check the server address of ${cluster}, and that the cluster is up (kubectl cluster-info)`;
  if (codes.includes('ENOTFOUND'))
    return `its host name is not known (ENOTFOUND): check the server address of ${cluster}`;
  return undefined;
}
