/** A fake GitHub REST API on 127.0.0.1: issue comments and commit→PR lookup, with a switch for 403s. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  issue: number;
}

export class FakeGitHub {
  readonly comments: FakeComment[] = [];
  readonly requests: { method: string; path: string; body?: string }[] = [];
  /** commit sha → PRs the commits/{sha}/pulls endpoint answers. */
  readonly pullsByCommit = new Map<
    string,
    { number: number; head: { sha: string }; merge_commit_sha?: string | null }[]
  >();
  forbidden = false;
  private nextId = 1000;
  private server?: http.Server;
  url = '';

  htmlUrl(comment: FakeComment): string {
    return `https://github.example.com/acme/shop/pull/${comment.issue}#issuecomment-${comment.id}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const path = (req.url ?? '').split('?')[0]!;
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', body });
        const send = (status: number, data: unknown) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(data));
        };
        let m: RegExpExecArray | null;
        if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)\/pulls$/.exec(path)) && req.method === 'GET')
          return send(200, this.pullsByCommit.get(m[1]!) ?? []);
        if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
          const issue = Number(m[1]);
          if (req.method === 'GET')
            return send(
              200,
              this.comments.filter((c) => c.issue === issue).map((c) => ({ id: c.id, body: c.body })),
            );
          if (req.method === 'POST') {
            if (this.forbidden) return send(403, { message: 'Resource not accessible by integration' });
            const comment = { id: this.nextId++, issue, body: (JSON.parse(body) as { body: string }).body };
            this.comments.push(comment);
            return send(201, { id: comment.id, body: comment.body, html_url: this.htmlUrl(comment) });
          }
        }
        if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path)) && req.method === 'PATCH') {
          if (this.forbidden) return send(403, { message: 'Resource not accessible by integration' });
          const comment = this.comments.find((c) => c.id === Number(m![1]));
          if (!comment) return send(404, { message: 'Not Found' });
          comment.body = (JSON.parse(body) as { body: string }).body;
          return send(200, { id: comment.id, body: comment.body, html_url: this.htmlUrl(comment) });
        }
        send(404, { message: 'Not Found' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
