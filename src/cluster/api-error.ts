/** A failed API request, with the server's Status (reason, message, causes) parsed out of the body. */
export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly causes: { field?: string; message?: string; reason?: string }[] = [],
    readonly retryAfterSeconds?: number,
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
        return new KubeApiError(
          code,
          status.reason ?? 'Unknown',
          status.message,
          status.details?.causes ?? [],
          retryAfter ? Number(retryAfter) : undefined,
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
      retryAfter ? Number(retryAfter) : undefined,
    );
  }

  get notFound(): boolean {
    return this.code === 404;
  }

  /** Worth another try: throttling, server errors, a proxy or API server restarting. */
  get transient(): boolean {
    return (
      this.code === 429 || this.code === 500 || this.code === 502 || this.code === 503 || this.code === 504
    );
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
  return err instanceof KubeApiError && (err.code === 401 || err.code === 403)
    ? `${err.message} (the cluster refused the kubeconfig's credentials${err.code === 403 ? ' or they lack permission' : ''}; check the kubeconfig and its context)`
    : (err as Error).message;
}
