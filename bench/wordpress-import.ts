/**
 * The WordPress import at newsroom scale: a generated export of 5,000 posts with 40 comments each
 * (200,000 comments; every third a reply, every fifth held), written to a file a piece at a time,
 * then imported by `npm run import:wordpress` into an empty database, as an editor would run it.
 * Prints the time, the rate and the import process's peak RSS; `npm run bench` runs it as its last
 * row. `--posts N --comments-per-post M` for another size.
 */
import '../scripts/load-env';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticExport } from '../lib/wordpress/wxr-samples';

export type ImportBench = { posts: number; comments: number; bytes: number; seconds: number; peakRssMb: number; summary: string };

export async function benchWordpressImport(posts = 5_000, commentsPerPost = 40): Promise<ImportBench> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-import-bench-'));
  try {
    const file = path.join(folder, 'export.xml');
    const out = fs.createWriteStream(file);
    for (const piece of syntheticExport({ items: posts, commentsPerItem: commentsPerPost })) {
      if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const bytes = fs.statSync(file).size;
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', file], {
      env: { ...process.env, DATABASE_PATH: path.join(folder, 'b.db'), MEDIA_PATH: path.join(folder, 'media'), IMPORT_REPORT_RSS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the import exited with ${code}: ${output}`);
    const rss = /peak RSS (\d+) MB/.exec(output);
    return { posts, comments: posts * commentsPerPost, bytes, seconds, peakRssMb: rss ? Number(rss[1]) : NaN, summary: output.trim().split('\n')[0] ?? '' };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function importBenchLine(result: ImportBench): string {
  const rate = Math.round(result.comments / result.seconds);
  return `WordPress import (${result.posts.toLocaleString('en-GB')} posts, ${result.comments.toLocaleString('en-GB')} comments, ${(result.bytes / 1024 / 1024).toFixed(0)} MB export): ${result.seconds.toFixed(0)} s (${rate.toLocaleString('en-GB')} comments/s; goal under 300 s), import process peak RSS ${result.peakRssMb} MB`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { posts: { type: 'string', default: '5000' }, 'comments-per-post': { type: 'string', default: '40' } } });
  const result = await benchWordpressImport(Number(values.posts), Number(values['comments-per-post']));
  console.log(importBenchLine(result));
  console.log(`  ${result.summary}`);
}
