/**
 * A local imitation of the three GitHub REST endpoints the action's comment step calls (list,
 * create and update issue comments), on 127.0.0.1, holding comments in memory. It serves small
 * pages with a Link header so that a client which does not follow pagination misses comments.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One comment as the API returns it (the fields the action reads). */
export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
}

/** One request the fake received. */
export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

/** A running fake API. */
export interface FakeGithub {
  /** Base URL, as GITHUB_API_URL. */
  url: string;
  /** Comments by pull-request number. */
  comments: Map<number, FakeComment[]>;
  requests: FakeRequest[];
  /** When set, every request is answered with this status and JSON body. */
  failWith?: { status: number; body: unknown };
  close(): Promise<void>;
}

/**
 * Start the fake.
 * @param options `repo` (owner/name) it answers for, `token` it accepts, `pageSize` of the list
 */
export async function startFakeGithub(options: { repo: string; token: string; pageSize?: number }): Promise<FakeGithub> {
  const pageSize = options.pageSize ?? 2;
  let nextId = 1000;
  const fake: FakeGithub = { url: '', comments: new Map(), requests: [], close: () => new Promise((done) => server.close(() => done())) };
  const base = `/repos/${options.repo}`;

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', fake.url);
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    fake.requests.push({ method: req.method ?? '', path: url.pathname + url.search, authorization: req.headers.authorization, body });
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (fake.failWith) return send(fake.failWith.status, fake.failWith.body);
    if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' });
    if (req.headers.accept !== 'application/vnd.github+json') return send(415, { message: 'Unsupported Accept header' });

    const list = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (!url.pathname.startsWith(`${base}/`)) return send(404, { message: 'Not Found' });
    if (list && req.method === 'GET') {
      const all = fake.comments.get(Number(list[1])) ?? [];
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? '30'));
      const slice = all.slice((page - 1) * size, page * size);
      const headers: Record<string, string> = {};
      if (page * size < all.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next", <${fake.url}${url.pathname}?page=${Math.ceil(all.length / size)}>; rel="last"`;
      }
      return send(200, slice, headers);
    }
    if (list && req.method === 'POST') {
      const comment = { id: nextId++, body: String((body as { body?: unknown }).body), html_url: `https://github.example/${options.repo}/pull/${list[1]}#issuecomment-${nextId}` };
      fake.comments.set(Number(list[1]), [...(fake.comments.get(Number(list[1])) ?? []), comment]);
      return send(201, comment);
    }
    if (one && req.method === 'PATCH') {
      const comment = [...fake.comments.values()].flat().find((c) => c.id === Number(one[1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = String((body as { body?: unknown }).body);
      return send(200, comment);
    }
    return send(404, { message: 'Not Found' });
  }

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
