// @ts-check
/**
 * `npm start`: builds when needed, migrates, seeds an empty database, then serves the production
 * build on PORT (default 3000).
 *
 * Plain JavaScript on purpose. The preparation is TypeScript and runs in a child process under tsx
 * (scripts/prepare-start.ts); this process then serves from the compiled server alone. Serving
 * under tsx kept its loader thread and the preparation's modules alive: about 70 MB more memory
 * for the life of the server (bench, docs/performance.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Node 22.7 to 23 keep AsyncLocalStorage on AsyncContextFrame behind a flag; Node 24 has it by
 * default (and refuses the flag), Node 20 lacks it. Next runs every request inside
 * AsyncLocalStorage, and the frame-based one is what keeps the tail short under load
 * (docs/performance.md). A flag that must come before the script cannot be added from inside it,
 * so on those versions this script runs itself again with the flag and passes signals on.
 */
const asyncContextFrameFlag = '--experimental-async-context-frame';
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const wantsFlag = (major === 22 && minor >= 7) || major === 23;

if (wantsFlag && !process.execArgv.includes(asyncContextFrameFlag)) {
  const child = spawn(process.execPath, [...process.execArgv, asyncContextFrameFlag, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'prepare-start.ts')], { stdio: 'inherit' });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);

  process.env.NODE_ENV = 'production';
  await import(pathToFileURL(path.resolve('.next', 'broadsheet', 'server.mjs')).href);
}
