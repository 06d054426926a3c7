import fs from 'node:fs';

/** `npm start`'s node arguments (heap limits included), read from package.json so they never drift. */
export function npmStartArguments(): string[] {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start is expected to run node, not ${command}`);
  return args;
}
