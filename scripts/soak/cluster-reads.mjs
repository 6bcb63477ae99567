// What the soak reads from the cluster to check a run. The cluster answers 10% of requests with a fault,
// these reads included, so each is retried (reads are safe to repeat) until it gets a real answer.
import http from 'node:http';

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

function once(cluster, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      cluster.base + urlPath,
      {
        method,
        agent: cluster.agent,
        headers: data
          ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) }
          : {},
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** The answer (status and parsed body) once it is not a fault: 404 included, as an answer. */
export async function read(cluster, method, urlPath, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      const { status, text } = await once(cluster, method, urlPath, body);
      if (!RETRYABLE.has(status))
        return { status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
    } catch (err) {
      if (attempt >= 30) throw err;
    }
    if (attempt >= 30) throw new Error(`${method} ${urlPath}: no answer but faults after ${attempt} tries`);
    await new Promise((r) => setTimeout(r, 50 * Math.min(attempt, 10)));
  }
}

export async function get(cluster, urlPath) {
  const { status, body } = await read(cluster, 'GET', urlPath);
  if (status === 404) return undefined;
  if (status >= 400) throw new Error(`GET ${urlPath}: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function list(cluster, urlPath) {
  return (await get(cluster, urlPath))?.items ?? [];
}

/** Requests answered so far (from /metrics), by status code and by verb: what the faults were. */
export async function answersByCode(cluster) {
  const { body } = await read(cluster, 'GET', '/metrics');
  const codes = {};
  const verbs = {};
  for (const line of String(body).split('\n')) {
    const m = /^apiserver_request_total\{verb="(\w+)",.*code="(\d+)"\} (\d+)$/.exec(line);
    if (!m) continue;
    codes[m[2]] = (codes[m[2]] ?? 0) + Number(m[3]);
    verbs[m[1]] = (verbs[m[1]] ?? 0) + Number(m[3]);
  }
  return { codes, verbs };
}
