/**
 * Next's own floor for the lead article, and what a request costs the server's CPU.
 *
 * The bare app is a Next 16 app in the temp folder with default settings and no database, proxy or
 * rewrites, built once per markup. It has two references:
 * - `/`: the lead article's own markup (its body, scripts taken out) as one static page of the same
 *   size, the markup repeated or cut to fit. Next compresses every response, so the same text at the
 *   same length costs about the same to compress. This is the floor the bench's target is measured
 *   against.
 * - `/exact`: the lead article's exact bytes, as a static route handler. Same bytes, same
 *   compression work; what is left between it and our page is routing and caching.
 *
 * `cpuPerRequest` reads the server's CPU time from /proc around a steady load below saturation,
 * for the whole process and for its main thread alone. zlib compresses on libuv's worker threads, so
 * at saturation a server is held back by whichever runs out first: its main thread (one core), or
 * both cores for everything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export type BareNext = { pageUrl: string; exactUrl: string; pid: number; stop: () => void };

const dir = path.join(os.tmpdir(), 'broadsheet-bench-bare-next');

/** Builds the bare app for this page if it has not been built for it yet. False if it does not build. */
function buildFor(page: Buffer): boolean {
  const html = page.toString('utf8');
  const marker = path.join(dir, `built-${createHash('sha256').update(html).digest('hex').slice(0, 16)}`);
  if (fs.existsSync(marker)) return true;
  const body = html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.lastIndexOf('</body>'));
  const markup = body.replace(/<script[\s\S]*?<\/script>/g, '');
  const fitted = (length: number) => {
    let text = markup;
    while (text.length < length) text += markup;
    return text.slice(0, text.lastIndexOf('>', length) + 1);
  };
  const build = (content: string) => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'app/exact'), { recursive: true });
    fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
    const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
    write('package.json', JSON.stringify({ name: 'bare-next', private: true, type: 'module' }));
    // node_modules is a link into this repository, so Turbopack's root must hold both.
    write('next.config.mjs', `export default { turbopack: { root: '/' } };\n`);
    write('tsconfig.json', JSON.stringify({ compilerOptions: { jsx: 'react-jsx', strict: true, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true, noEmit: true, isolatedModules: true, esModuleInterop: true, lib: ['dom', 'esnext'], target: 'ES2022' }, include: ['**/*.tsx', '**/*.ts'] }));
    write('app/layout.tsx', `export default function Layout({ children }: { children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html>; }\n`);
    // The markup travels twice, as HTML and inside React's payload, as a rendered story's text does.
    write('app/page.tsx', `const markup = ${JSON.stringify(content)};\nexport default function Page() { return <div dangerouslySetInnerHTML={{ __html: markup }} />; }\n`);
    write(
      'app/exact/route.ts',
      `export const dynamic = 'force-static';\nconst html = ${JSON.stringify(html)};\nexport function GET() { return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }); }\n`,
    );
    const built = spawnSync(process.execPath, [path.resolve('node_modules/.bin/next'), 'build'], { cwd: dir, stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    if (built.status !== 0) return null;
    // The page as built, with React's payload, before compression.
    return fs.statSync(path.join(dir, '.next/server/app/index.html')).size;
  };
  // The built page's size grows with its markup's length: one build finds the ratio, a second fits.
  const first = build(markup);
  const size = first && build(fitted(Math.round((markup.length * page.length) / first)));
  if (!size) return false;
  fs.writeFileSync(marker, '');
  return true;
}

/** Builds (if needed) and starts the bare app on `port` under `next start`; null if it does not build. */
export async function startBareNext(page: Buffer, port: number, waitFor: (url: string) => Promise<void>): Promise<BareNext | null> {
  if (!buildFor(page)) return null;
  const child = spawn(process.execPath, [path.resolve('node_modules/.bin/next'), 'start', '-p', String(port)], { cwd: dir, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/`);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { pageUrl: `${base}/`, exactUrl: `${base}/exact`, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** CPU time (ms) the process, and its main thread alone, have used so far. */
function cpuMs(pid: number) {
  const ticks = (file: string) => {
    // After the process's name, which may itself hold ") " (Next names its server "next-server (v16…)").
    const stat = fs.readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  };
  const hz = 100; // Linux's USER_HZ, the unit of these counts
  return { total: (ticks(`/proc/${pid}/stat`) * 1000) / hz, main: (ticks(`/proc/${pid}/task/${pid}/stat`) * 1000) / hz };
}

export type CpuCost = { total: number; main: number; requests: number };

/**
 * The server's CPU per request (ms), for the process and its main thread, while `url` is asked for
 * at a steady `rate` a second for `seconds` (10 connections): below saturation, so the figure is
 * the work a request takes, not how requests queue.
 */
export async function cpuPerRequest(pid: number, url: string, options: { seconds: number; rate: number; headers: Record<string, string> }): Promise<CpuCost> {
  const before = cpuMs(pid);
  const result = await autocannon({ url, connections: 10, overallRate: options.rate, duration: options.seconds, headers: options.headers });
  const after = cpuMs(pid);
  const requests = result.requests.total;
  return { total: (after.total - before.total) / requests, main: (after.main - before.main) / requests, requests };
}
