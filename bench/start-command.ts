import fs from 'node:fs';

/**
 * `npm start`'s command from package.json, so the bench runs exactly it: the environment it sets
 * (MALLOC_ARENA_MAX) and node's arguments (heap limits included).
 */
export function npmStartCommand(): { env: Record<string, string>; args: string[] } {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const [command, ...args] = words;
  if (command !== 'node') throw new Error(`npm start is expected to run node, not ${command}`);
  return { env, args };
}
