/**
 * A throwaway Redis (Debian's redis-server) on a loopback port, with nothing saved to disk, for tests
 * and CI: `startRedis(port)`, then `stop()` (SIGTERM) and `start()` again on the same port, as an
 * outage and a recovery look to the app servers.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export const redisServerPath = process.env.REDIS_SERVER_PATH || 'redis-server';

/** Why Redis tests cannot run here, or null when they can. */
export function redisMissingReason(): string | null {
  return spawnSync(redisServerPath, ['--version'], { stdio: 'ignore' }).status === 0
    ? null
    : `needs ${redisServerPath} (apt-get install -y redis-server; .ci/run installs it)`;
}

export type RunningRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void> };

function accepts(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRedis(port: number): Promise<RunningRedis> {
  let child: ChildProcess | undefined;
  const redis: RunningRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn(redisServerPath, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      const giveUpAt = Date.now() + 10_000;
      while (!(await accepts(port))) {
        if (Date.now() > giveUpAt || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise((resolve) => {
        running.once('exit', resolve);
        running.kill('SIGTERM');
      });
    },
  };
  await redis.start();
  return redis;
}
