/**
 * For tests and benchmarks against a real server process: upload a file over HTTP as a signed-in user, read the
 * streamed (NDJSON) answer, sample /healthz every few milliseconds meanwhile, and watch the server's memory (and its
 * children's) in /proc.
 */
import fs from 'node:fs';
import http from 'node:http';

export interface SignedIn {
  port: number;
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP and keeps the session cookie and CSRF token. */
export async function signIn(port: number, username: string, password: string): Promise<SignedIn> {
  const body = Buffer.from(JSON.stringify({ username, password }));
  const reply = await new Promise<{ status: number; cookies: string[]; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => {
            text += c;
          })
          .on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              cookies: res.headers['set-cookie'] ?? [],
              text,
            }),
          );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${reply.text}`);
  return { port, cookie: reply.cookies.map((c) => c.split(';')[0]).join('; '), csrf: JSON.parse(reply.text).csrfToken };
}

export interface UploadReply {
  status: number;
  /** When each streamed line arrived (performance.now()), with the line. */
  lines: { at: number; line: string }[];
  /** The final NDJSON line ({ result } or { error }), or the JSON body of a plain answer. */
  final: { result?: any; error?: { code: string; message: string; details?: any }; code?: string; message?: string };
  ms: number;
  headers: http.IncomingHttpHeaders;
}

/** POSTs the file as multipart/form-data (field "file") and waits for the whole answer. */
export function uploadFile(session: SignedIn, path: string, file: Uint8Array, fileName: string): Promise<UploadReply> {
  const boundary = '----boiduong-probe';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`
      + 'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: session.port,
        method: 'POST',
        path,
        agent: false,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + file.byteLength + tail.length,
        },
      },
      (res) => {
        let text = '';
        const arrived: { at: number; line: string }[] = [];
        res
          .setEncoding('utf8')
          .on('data', (c: string) => {
            const at = performance.now();
            for (const line of (text.slice(text.lastIndexOf('\n') + 1) + c).split('\n').slice(0, -1)) arrived.push({ at, line });
            text += c;
          })
          .on('end', () => {
            const lines = text.trim().split('\n').filter(Boolean);
            let final: UploadReply['final'];
            try {
              final = JSON.parse(lines[lines.length - 1] ?? '{}');
            } catch {
              final = { message: text };
            }
            resolve({ status: res.statusCode ?? 0, lines: arrived, final, ms: performance.now() - started, headers: res.headers });
          });
      },
    );
    req.on('error', reject);
    req.write(head);
    req.write(file);
    req.end(tail);
  });
}

export interface HealthFigures {
  count: number;
  /** Requests that failed or answered anything but 200. */
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

export interface HealthSample {
  /** performance.now() when the request was sent. */
  at: number;
  ms: number;
  ok: boolean;
}

/** Median, 99th percentile and maximum of the samples' latencies. */
export function healthFigures(samples: HealthSample[]): HealthFigures {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : 0);
  return {
    count: sorted.length,
    failures: samples.filter((s) => !s.ok).length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** Asks /healthz every `everyMs` (one request at a time, on its own kept-alive connection) until stopped. */
export function sampleHealth(port: number, everyMs = 50): { stop(): Promise<HealthFigures & { samples: HealthSample[] }> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: HealthSample[] = [];
  let running = true;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent, timeout: 30_000 }, (res) => {
        res.resume().on('end', () => {
          samples.push({ at: started, ms: performance.now() - started, ok: res.statusCode === 200 });
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        samples.push({ at: started, ms: performance.now() - started, ok: false });
        resolve();
      });
    });
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await one();
      const wait = everyMs - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return { ...healthFigures(samples), samples };
    },
  };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Samples the resident memory of a process and of its children every `everyMs` (Linux) until stopped; peaks in MB, and
 * when a child was last seen (performance.now()): the end of the parse.
 */
export function watchMemory(pid: number, everyMs = 20): { stop(): { serverMb: number; childrenMb: number; childLastSeenAt?: number } } {
  let server = statusKb(pid, 'VmRSS');
  let children = 0;
  let childLastSeenAt: number | undefined;
  const timer = setInterval(() => {
    server = Math.max(server, statusKb(pid, 'VmRSS'));
    const pids = childrenOf(pid);
    if (pids.length > 0) childLastSeenAt = performance.now();
    // A child's own peak (VmHWM) covers the moments between two samples.
    children = Math.max(
      children,
      pids.reduce((sum, child) => sum + statusKb(child, 'VmHWM'), 0),
    );
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { serverMb: Math.round(server / 1024), childrenMb: Math.round(children / 1024), childLastSeenAt };
    },
  };
}
