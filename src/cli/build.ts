/**
 * `npm run build`: `astro build --unindexed` in a process of its own, writing
 * into a staging folder beside the site; then the Pagefind index of what it
 * wrote, once that process has exited; and only then the site put in place.
 *
 * Why two processes: Pagefind needs about 150 KB of memory per page, and the
 * Astro process keeps most of what it grew to while rendering (V8's heap)
 * until it exits. Indexing inside it makes the build's peak their sum;
 * indexing after it, the larger of the two.
 * `astro build` on its own still does everything, in one process.
 *
 * Arguments are passed on to `astro build` (`--force`, `--root`…); the site
 * goes to `--outDir`, `dist/` by default.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { AtomicOutDir } from '../integrations/atomic-out-dir.ts';
import { indexAndPublish, UNINDEXED_FLAG } from '../integrations/pagefind.ts';
import { countNotes, heapLimitMb } from './heap-limit.ts';
import { withNativeMemoryReturned } from './native-memory.ts';
import { withoutRouteLines } from './route-lines.ts';

const args = process.argv.slice(2);
/** A line in the shape of Astro's log, which it follows. */
const say = (line: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [quire] ${line}`);

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const root = path.resolve(valueOf('--root') ?? process.cwd());
const astroPackage = createRequire(path.join(projectRoot, 'package.json')).resolve('astro/package.json');
const astroBin = path.join(path.dirname(astroPackage), 'bin', 'astro.mjs');

function valueOf(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : args.find((arg) => arg.startsWith(`${flag}=`))?.slice(flag.length + 1);
}

/** Every page Astro writes, and every problem, in the log: Astro's own `--verbose` would add thousands of lines of its internals, so it is not passed on. */
const verbose = args.includes('--verbose');

/** The arguments for `astro build`, without `--outDir` (the site is written to the staging folder instead) and `--verbose`. */
function astroArgs(): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--outDir') i++;
    else if (!args[i]!.startsWith('--outDir=') && args[i] !== '--verbose') kept.push(args[i]!);
  }
  return kept;
}

interface HeapLimit {
  notes: number;
  /** What Quire would give this vault. */
  sized: number;
  /** What NODE_OPTIONS sets, which is kept. */
  set?: number;
}

/**
 * A heap limit the user set themselves is kept; otherwise one sized to the vault (see heap-limit.ts).
 * The vault is looked for where CONTENT_DIR or the default puts it; one named only in
 * astro.config.mjs is not found here and gets the floor, which a build that runs out of memory says how to raise.
 */
async function heapLimit(): Promise<HeapLimit> {
  const contentDir = path.resolve(root, process.env.CONTENT_DIR?.trim() || 'content');
  const notes = await countNotes(contentDir);
  const set = /--max-old-space-size[= ](\d+)/.exec(process.env.NODE_OPTIONS ?? '')?.[1];
  return { notes, sized: heapLimitMb(notes), ...(set ? { set: Number(set) } : {}) };
}

/** V8 aborts (SIGABRT, exit 134) when the heap is full; its own message is a stack trace. */
const outOfMemory = (code: number) => code === 134;

function runAstro(flags: string[], staging: string): Promise<number> {
  return new Promise((resolve) => {
    const env = { ...withNativeMemoryReturned(process.env), ...(verbose ? { QUIRE_VERBOSE: '1' } : {}), ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) };
    const child = spawn(process.execPath, [...flags, astroBin, 'build', ...astroArgs(), '--outDir', staging, UNINDEXED_FLAG], { stdio: ['inherit', verbose ? 'inherit' : 'pipe', 'inherit'], env });
    if (child.stdout) {
      const log = withoutRouteLines((text) => process.stdout.write(text));
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => log.push(chunk)).on('end', () => log.end());
    }
    // A build stopped from outside (a CI timeout, a service manager) stops Astro too.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
    child.on('error', (error) => {
      console.error(`could not start astro build: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  });
}

async function main(): Promise<number> {
  const limit = await heapLimit();
  const outDir = new AtomicOutDir(path.resolve(root, valueOf('--outDir') ?? 'dist'));
  await outDir.clearLeftovers();
  const code = await runAstro(limit.set ? [] : [`--max-old-space-size=${limit.sized}`], outDir.staging);
  if (outOfMemory(code)) {
    const had = limit.set ? `the ${limit.set} MB NODE_OPTIONS sets` : `the ${limit.sized} MB Quire gives a vault of ${limit.notes} notes`;
    const more = 2 * Math.max(limit.set ?? 0, limit.sized);
    console.error(`\nThe build ran out of memory: it needed more than ${had}. Build again with a larger limit, for example\n  NODE_OPTIONS=--max-old-space-size=${more} npm run build`);
  }
  if (code !== 0) return code;
  const published = await indexAndPublish(outDir, say);
  if (!published.ok) console.error(published.message);
  return published.ok ? 0 : 1;
}

process.exitCode = await main();
