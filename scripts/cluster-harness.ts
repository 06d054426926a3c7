/**
 * Several app servers on one database behind docs/nginx.conf, on loopback, as docs/deployment.md
 * describes them ("Several servers"): every server runs `npm start`'s own script from the same build,
 * with the same AUTH_SECRET, SITE_URL (nginx's address) and media folder; nginx balances them
 * round-robin with no sticky sessions. e2e/cluster.spec.ts tests it; `npm run bench` measures it.
 *
 * The servers start at once on an empty database, as a new deployment's would: one of them migrates,
 * seeds and creates the first admin (under the start-up lock, db/locks.ts), the others wait for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed';
import { type RunningNginx, startNginx } from './nginx-harness';

export type ClusterOptions = {
  /** A folder of its own for the database, media, nginx and logs (emptied first). */
  dir: string;
  servers?: number;
  /** The first app server's port; the others follow it. */
  firstPort: number;
  nginxPort: number;
  /** More environment for every server (REDIS_URL, DATABASE_URL, CACHE_MEMORY_MB…). */
  env?: Record<string, string>;
  /** node arguments before the script (`npm start`'s heap limits, say). */
  nodeArgs?: string[];
};

export type AppServer = {
  port: number;
  origin: string;
  /** Starts it (again, after a stop or a kill) and waits until it answers. */
  start(): Promise<void>;
  /** Sends a signal and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  readonly running: boolean;
};

export type Cluster = {
  /** nginx's address: where readers go. */
  origin: string;
  servers: AppServer[];
  nginx: RunningNginx;
  databasePath: string;
  dataDir: string;
  /** What every server was started with. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
};

async function answers(url: string, within: number) {
  const giveUpAt = Date.now() + within;
  while (Date.now() < giveUpAt) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${Math.round(within / 1000)} s`);
}

export async function startCluster({ dir, servers: count = 3, firstPort, nginxPort, env: extraEnv = {}, nodeArgs = [] }: ClusterOptions): Promise<Cluster> {
  // One build for every server; three servers finding none would each start building it.
  buildIfNeeded();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dataDir = path.join(dir, 'data');
  const origin = `http://127.0.0.1:${nginxPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_PATH: path.join(dataDir, 'broadsheet.db'),
    MEDIA_PATH: path.join(dataDir, 'media'),
    // The same on every server, or a session or pending-comment cookie from one is refused by another.
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    SITE_URL: origin,
    // nginx, then the tests' own X-Forwarded-For standing for a CDN's: each made-up reader is a reader.
    TRUST_PROXY: '2',
    EDGE_REFRESH_URL: origin,
    ...extraEnv,
  };

  const servers = Array.from({ length: count }, (_, index): AppServer => {
    const port = firstPort + index;
    const serverOrigin = `http://127.0.0.1:${port}`;
    const log = path.join(dir, `server-${index + 1}.log`);
    let child: ChildProcess | undefined;
    let exited: Promise<void> = Promise.resolve();
    return {
      port,
      origin: serverOrigin,
      get running() {
        return child !== undefined;
      },
      async start() {
        const out = fs.openSync(log, 'a');
        const started: ChildProcess = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', out, out] });
        fs.closeSync(out);
        child = started;
        exited = new Promise((resolve) =>
          started.on('exit', () => {
            if (child === started) child = undefined;
            resolve();
          }),
        );
        await Promise.race([
          answers(`${serverOrigin}/`, 180_000),
          exited.then(() => {
            throw new Error(`app server ${index + 1} exited while starting: see ${log}`);
          }),
        ]);
      },
      async stop(signal = 'SIGTERM') {
        child?.kill(signal);
        await exited;
      },
    };
  });

  await Promise.all(servers.map((server) => server.start()));
  const nginx = await startNginx({ dir: path.join(dir, 'nginx'), listenPort: nginxPort, upstreamPort: servers.map((server) => server.port) });
  return {
    origin,
    servers,
    nginx,
    databasePath: env.DATABASE_PATH!,
    dataDir,
    env,
    async stop() {
      nginx.stop();
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}
