// @ts-check
/**
 * `npm start`: builds when needed, migrates, seeds an empty database, then serves the production
 * build on PORT (default 3000).
 *
 * Plain JavaScript on purpose. The preparation is TypeScript and runs in a child process under tsx
 * (scripts/prepare-start.ts); this process then serves from the compiled server alone. Serving
 * under tsx kept its loader thread and the preparation's modules alive: about 70 MB more memory
 * for the life of the server (bench, README "Performance").
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const prepared = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'prepare-start.ts')], { stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

process.env.NODE_ENV = 'production';
await import(pathToFileURL(path.resolve('.next', 'broadsheet', 'server.mjs')).href);
