/**
 * Runs docs/nginx.conf for real, as written, with only its upstream, port and cache folder replaced
 * (e2e/nginx.spec.ts tests it; `npm run bench` measures it). nginx runs in the foreground as a child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const nginxBinary = process.env.NGINX_PATH || '/usr/sbin/nginx';

export type NginxOptions = {
  /** A folder of its own: config, cache, temp files and logs go there (emptied first). */
  dir: string;
  listenPort: number;
  /** The app server, or several (nginx balances them round-robin, as the upstream block does by default). */
  upstreamPort: number | number[];
  /** More `server { … }` blocks for the same nginx (the bench adds one serving a file). */
  extraServers?: string;
};

export type RunningNginx = { origin: string; process: ChildProcess; stop: () => void };

export async function startNginx({ dir, listenPort, upstreamPort, extraServers = '' }: NginxOptions): Promise<RunningNginx> {
  if (!fs.existsSync(nginxBinary)) throw new Error(`nginx is needed: apt-get install -y nginx-light (or set NGINX_PATH)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'cache'), { recursive: true });
  const site = fs
    .readFileSync('docs/nginx.conf', 'utf8')
    .replace('server 127.0.0.1:3000;', [upstreamPort].flat().map((port) => `server 127.0.0.1:${port};`).join(' '))
    .replace('listen 80;', `listen 127.0.0.1:${listenPort};`)
    .replace('/var/cache/nginx/broadsheet', path.join(dir, 'cache'));
  fs.writeFileSync(path.join(dir, 'broadsheet.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      process.getuid?.() === 0 ? 'user root;' : '',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      `http { access_log off; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')}`,
      `  include ${path.join(dir, 'broadsheet.conf')};`,
      extraServers,
      '}',
    ].join('\n'),
  );
  const child = spawn(nginxBinary, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'inherit' });
  const origin = `http://127.0.0.1:${listenPort}`;
  const stop = () => child.kill('SIGQUIT');
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${origin}/`);
      return { origin, process: child, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop();
  throw new Error('nginx did not start');
}
