import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The arrows between the top-level folders. app/ may use everything; components/ are shared by
 * several routes, so they never reach back into one route's actions; lib/ holds domain rules, so it
 * reaches neither into a route nor into SQL (the schema imports its enums from lib/, not the reverse).
 */
const forbidden: { from: string; to: string }[] = [
  { from: 'components', to: 'app' },
  { from: 'lib', to: 'app' },
  { from: 'lib', to: 'db' },
];

const root = path.resolve(import.meta.dirname, '..');
const notSource = new Set(['node_modules', 'public']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || notSource.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The top-level folder a specifier lands in, or null for a package. */
function targetFolder(importer: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith('@/')) target = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) target = path.resolve(path.dirname(path.join(root, importer)), specifier);
  else return null;
  return path.relative(root, target).split(path.sep)[0] ?? null;
}

/**
 * Every import, `export … from`, `import type`, dynamic `import()` and `require()` of one file (the
 * compiler's own scanner, so a type-only import counts too) that crosses a forbidden arrow.
 */
function violationsIn(file: string, text: string): string[] {
  const from = file.split('/')[0];
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => forbidden.some((rule) => rule.from === from && rule.to === targetFolder(file, specifier)))
    .map((specifier) => `${file} imports ${specifier}`);
}

describe('the folders depend on each other one way', () => {
  it('finds every kind of import that crosses an arrow', () => {
    const text = [
      "import type { ReportReason } from '@/db/schema';",
      "export { postComment } from '../app/(site)/[section]/[slug]/actions';",
      "const desk = await import('@/app/moderation/actions');",
      "import { pluralize } from './format';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(violationsIn('lib/example.ts', text)).toEqual([
      'lib/example.ts imports @/db/schema',
      'lib/example.ts imports ../app/(site)/[section]/[slug]/actions',
      'lib/example.ts imports @/app/moderation/actions',
    ]);
    expect(violationsIn('components/example.tsx', text)).toEqual([
      'components/example.tsx imports ../app/(site)/[section]/[slug]/actions',
      'components/example.tsx imports @/app/moderation/actions',
    ]);
    expect(violationsIn('app/example.tsx', text)).toEqual([]);
  });

  it('no file in components/ or lib/ imports app/, and none in lib/ imports db/', () => {
    const files = sourceFiles(root).map((file) => path.relative(root, file).split(path.sep).join('/'));
    expect(files.length).toBeGreaterThan(100);
    const violations = files.flatMap((file) => violationsIn(file, fs.readFileSync(path.join(root, file), 'utf8')));
    expect(violations).toEqual([]);
  });
});
