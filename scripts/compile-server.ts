/**
 * Compiles the production server (server/serve.ts and the few modules of ours it imports) into one
 * plain JavaScript file, so that the serving process runs without a TypeScript loader. Packages stay
 * external and load from node_modules as usual. Takes a few milliseconds; `npm start` does it each time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const compiledServer = path.join('.next', 'broadsheet', 'server.mjs');

export async function compileServer() {
  const result = await build({
    entryPoints: [path.join('server', 'serve.ts')],
    outfile: compiledServer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    write: false,
  });
  // Several servers may start at once (the fault tests do): each writes its own file and renames it
  // into place, so none ever imports a half-written one.
  const temporary = `${compiledServer}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(compiledServer), { recursive: true });
  fs.writeFileSync(temporary, result.outputFiles[0]!.contents);
  fs.renameSync(temporary, compiledServer);
}
