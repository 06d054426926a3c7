/**
 * A throwaway PostgreSQL server for tests and CI: `initdb` into a temporary folder, `pg_ctl start` on
 * a free loopback port with its unix socket in that folder, then `stop()` stops it and removes the
 * folder. Durability is off (`fsync=off`): nothing here outlives the run.
 *
 * Imported by Vitest tests (`startPostgres()`), or run as a command that prints the DATABASE_URL of a
 * fresh database and keeps the server up until SIGTERM or SIGINT:
 *   tsx scripts/postgres-harness.ts
 *
 * initdb refuses to run as root, so as root the server runs as the `postgres` system user (Debian's
 * package makes it), owning the folder; connections come over TCP with trust authentication, which
 * is safe only because the server listens on 127.0.0.1 alone and lives for one run.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

const INSTALL_HINT = 'apt-get install -y postgresql';

/** The folder holding initdb and pg_ctl: POSTGRES_BIN, else the newest of Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can; for `describe.skipIf(...)`. */
export function postgresMissingReason(): string | null {
  if (postgresBinDir()) return null;
  return `PostgreSQL's initdb and pg_ctl were not found (set POSTGRES_BIN, or ${INSTALL_HINT})`;
}

export type RunningPostgres = {
  /** postgres://… of the database made at start. */
  url: string;
  port: number;
  /** Makes another empty database on the same server and returns its URL. */
  createDatabase: (name?: string) => Promise<string>;
  /** Stops the server and removes its folder; safe to call twice. */
  stop: () => Promise<void>;
  /** Stops the server (fast shutdown: connections are cut), keeping its data, as an outage does. */
  pause: () => Promise<void>;
  /** Starts it again on the same port with the same data. */
  resume: () => Promise<void>;
};

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function runBinary(bin: string, name: string, args: string[]) {
  const file = path.join(bin, name);
  return asRoot() ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let databaseCounter = 0;

export async function startPostgres({ database = 'broadsheet' } = {}): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresMissingReason()!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  if (asRoot()) await run('chown', ['postgres:postgres', dir]);
  let started = false;
  let port = 0;
  let startOptions = '';
  // A process that ends without calling stop() (a test file that crashed) takes its server with it.
  const stopAtExit = () => {
    if (!started) {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    const pgCtl = [path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
      else execFileSync(pgCtl[0]!, pgCtl.slice(1), { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopAtExit);
  const stop = async () => {
    process.removeListener('exit', stopAtExit);
    if (started) {
      started = false;
      await runBinary(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await runBinary(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // The port is free when asked, but another process may take it before the server binds: try again.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      const options = [
        `-c port=${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await runBinary(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', options, 'start']);
        started = true;
        startOptions = options;
      } catch (error) {
        if (attempt >= 3) {
          const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
          throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${tail}`);
        }
      }
    }
    const serverUrl = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
    const createDatabase = async (name = `test_${process.pid}_${++databaseCounter}`) => {
      const client = new pg.Client({ connectionString: serverUrl('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return serverUrl(name);
    };
    const url = await createDatabase(database);
    const pause = async () => {
      await runBinary(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    };
    const resume = async () => {
      await runBinary(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', startOptions, 'start']);
    };
    return { url, port, createDatabase, stop, pause, resume };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  console.log(`DATABASE_URL=${server.url}`);
  let stopping = false;
  // A second signal (npm and a terminal both pass one on) must not cut the stop short.
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // Keeps the process alive until a signal comes.
  setInterval(() => undefined, 1 << 30);
}
