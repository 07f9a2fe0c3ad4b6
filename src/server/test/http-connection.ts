/** A participant's own keep-alive connection to the server, JSON in and out, with latency measured per request. */
import http from 'node:http';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  ms: number;
  cookies: string[];
}

export class Connection {
  private readonly agent: http.Agent;
  private readonly ownAgent: boolean;
  cookie = '';
  csrf = '';

  /**
   * Its own socket by default; with `agent`, requests go through that (shared) agent, as a load balancer's keep-alive
   * connections to one app node carry many people's requests. `localAddress` binds the socket to one of the loopback
   * addresses (127.0.0.x), each with its own range of ports.
   */
  constructor(
    private readonly host: string,
    private readonly port: number,
    options: { agent?: http.Agent; localAddress?: string } = {},
  ) {
    this.ownAgent = !options.agent;
    this.agent =
      options.agent ?? new http.Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 10_000, localAddress: options.localAddress });
  }

  request<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          const setCookie = res.headers['set-cookie'] ?? [];
          resolve({ status: res.statusCode ?? 0, body: parsed as T, ms: performance.now() - started, cookies: setCookie });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Retries what the network refused (a socket the server closed while idle); idempotent calls only. */
  async retrying<T = unknown>(method: string, path: string, body?: unknown, attempts = 5): Promise<Reply<T>> {
    for (let i = 1; ; i++) {
      try {
        return await this.request<T>(method, path, body);
      } catch (err) {
        if (i >= attempts) throw err;
        await new Promise((r) => setTimeout(r, 50 * i));
      }
    }
  }

  close() {
    if (this.ownAgent) this.agent.destroy();
  }

  get openSockets(): number {
    return (
      Object.values(this.agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0)
      + Object.values(this.agent.freeSockets).reduce((n, list) => n + (list?.length ?? 0), 0)
    );
  }
}

/** Runs tasks with at most `limit` in flight. */
export async function withConcurrency<T>(items: T[], limit: number, task: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  });
  await Promise.all(workers);
}
