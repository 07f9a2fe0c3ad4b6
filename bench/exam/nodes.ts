/**
 * The app nodes of a run (N server processes on one database) and how the simulated people reach them.
 *
 * - `person`: each person keeps their own keep-alive socket to each node (N × people sockets in this process).
 * - `pooled`: as behind a load balancer with upstream keep-alive (nginx `keepalive`): per node, shared agents keep up
 *   to `idle` sockets open and open more when more requests are in flight (up to `max`), so the nodes see a few hundred
 *   connections whatever the number of people. Needed past ~15,000 people: this process and each node may hold 20,000
 *   file descriptors.
 *
 * Either way every request goes to a random node, so sessions, attempts, the sweeper and the monitor must work through
 * the database. Sockets are spread over the loopback addresses 127.0.0.1 … 127.0.0.k, each with its own ~28,000 ports.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Connection } from '../../src/server/test/http-connection.ts';
import { spawnServer, type ServerProcess } from '../../src/server/test/server-process.ts';

export type ConnectionMode = 'person' | 'pooled';

export class AppNodes {
  readonly servers: ServerProcess[] = [];
  private readonly rss = new Map<number, number>();
  private readonly agents: http.Agent[][] = [];
  /** Every process started, killed ones included: their log (warnings and errors) is printed when a run fails. */
  private readonly started: ServerProcess[] = [];

  private constructor(
    private readonly options: {
      dataDir: string;
      databaseUrl?: string;
      nodeArgs: string[];
      env: Record<string, string>;
      mode: ConnectionMode;
      localAddresses: number;
    },
  ) {}

  static async start(count: number, options: AppNodes['options']): Promise<AppNodes> {
    const nodes = new AppNodes(options);
    // The servers die with the run, also when it is interrupted.
    process.on('exit', () => {
      for (const s of nodes.started) s.child.kill('SIGKILL');
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
    // One after the other: the first migrates and bootstraps, the others find it done.
    for (let k = 0; k < count; k++) nodes.servers.push(await nodes.spawn());
    nodes.agents.push(
      ...nodes.servers.map(() =>
        Array.from(
          { length: options.localAddresses },
          (_, a) =>
            new http.Agent({
              keepAlive: true,
              keepAliveMsecs: 10_000,
              maxSockets: Math.ceil(4096 / options.localAddresses),
              maxFreeSockets: 256,
              localAddress: localAddress(a),
            }),
        ),
      ),
    );
    return nodes;
  }

  private async spawn(port?: number) {
    const server = await spawnServer({
      dataDir: this.options.dataDir,
      databaseUrl: this.options.databaseUrl,
      nodeArgs: this.options.nodeArgs,
      env: this.options.env,
      port,
      captureStdout: true,
    });
    this.started.push(server);
    return server;
  }

  /** What the nodes logged (LOG_LEVEL warn: warnings and errors only), the last `lines` lines of each process. */
  logs(lines = 40): string {
    return this.started
      .map((s, k) => `--- tiến trình #${k + 1} (cổng ${s.port}):\n${s.stdout().trim().split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }

  get count() {
    return this.servers.length;
  }

  /** One connection per node for person `i`, sharing nothing (person) or the node's agents (pooled). */
  connectionsFor(i: number): Connection[] {
    return this.servers.map((s, k) =>
      this.options.mode === 'person'
        ? new Connection('127.0.0.1', s.port, { localAddress: localAddress(i % this.options.localAddresses) })
        : new Connection('127.0.0.1', s.port, { agent: this.agents[k][i % this.options.localAddresses] }),
    );
  }

  /**
   * kill -9 of node k, then a new process on the same port, as a supervisor (systemd) would restart it (a second try
   * if the first did not come up: under a loaded CI box the start may take long).
   */
  async killAndRestart(k: number): Promise<void> {
    this.recordRss(k);
    const old = this.servers[k];
    old.child.kill('SIGKILL');
    await old.exited;
    try {
      this.servers[k] = await this.spawn(old.port);
    } catch (err) {
      process.stderr.write(`restarting node ${k + 1} failed (${(err as Error).message}); trying again\n`);
      this.servers[k] = await this.spawn(old.port);
    }
  }

  private recordRss(k: number) {
    const pid = this.servers[k].child.pid!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const mb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      this.rss.set(k, Math.max(this.rss.get(k) ?? 0, mb));
    } catch {
      /* exited */
    }
  }

  /** The highest resident memory each node reached (MB). */
  peakRssMb(): number[] {
    this.servers.forEach((_, k) => this.recordRss(k));
    return this.servers.map((_, k) => this.rss.get(k) ?? 0);
  }

  async stop(): Promise<void> {
    for (const s of this.servers) s.child.kill('SIGTERM');
    await Promise.all(this.servers.map((s) => s.exited));
    for (const list of this.agents) for (const agent of list) agent.destroy();
  }
}

export function localAddress(k: number): string {
  return `127.0.0.${1 + k}`;
}

/** How many loopback addresses keep every (address → node port) pair under ~20,000 sockets. */
export function addressesNeeded(mode: ConnectionMode, people: number): number {
  return mode === 'person' ? Math.max(1, Math.ceil(people / 20_000)) : 4;
}
