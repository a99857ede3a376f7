/**
 * Quire's build benchmark: `npm run bench [-- --sizes 100,1000,10000] [--seed quire] [--keep] [--cpu-prof <dir>]`.
 *
 * For each vault size it generates a synthetic vault (scripts/generate-vault.ts) in a temp folder and measures
 *   - a cold build: the out dir and Astro's and Vite's caches deleted first;
 *   - a warm rebuild with nothing changed;
 *   - a rebuild after appending a line to one note;
 * each rebuild timed once the build before it has finished deleting the site it replaced, in the background;
 * and, after the cold build, the pages written, the size of the site and of its Pagefind index, and the
 * largest page (raw, and gzipped together with the stylesheets it links, i.e. what a reader downloads).
 *
 * Peak RSS is measured by polling /proc every 100 ms for the build process and all its descendants
 * (the Pagefind binary included) and summing their VmRSS; shared pages are counted once per process.
 *
 * Isolation. By default each build runs in the size's temp folder (`--root` is the project, the cwd is the temp
 * folder, which links `node_modules`) with a wrapper config that points Astro's `cacheDir` and Vite's `cacheDir`
 * into that folder. So the caches a cold build deletes are the bench's own, and Astro's prerender bundle
 * (`.astro/.prerender/` under the cwd when the out dir lies outside it) is not shared with other builds running
 * in the project at the same time; sharing it makes concurrent builds fail with ERR_MODULE_NOT_FOUND.
 * `--in-place` instead builds from the project root with the project's caches, deleting `node_modules/.astro`,
 * `.astro` and `node_modules/.vite` before each cold build (do not use it while other builds run in the tree).
 * Either way `astro build` regenerates the project's `.astro/` types, as every build does.
 *
 * Everything goes to the terminal: progress on stderr, the tables on stdout. The vaults and sites live in the
 * temp folder, deleted afterwards unless `--keep`.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AtomicOutDir } from '../src/integrations/atomic-out-dir.ts';
import { PROFILES, writeVault, type Profile } from './generate-vault.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What `npm run build` runs: `astro build`, then Pagefind once Astro's process has exited. */
const buildCli = path.join(projectRoot, 'src', 'cli', 'build.ts');
const PROJECT_CACHES = [path.join(projectRoot, 'node_modules', '.astro'), path.join(projectRoot, '.astro'), path.join(projectRoot, 'node_modules', '.vite')];

interface Args {
  sizes: number[];
  /** The shapes of vault to build: `synthetic` (even folders, one title heading), `community` (two huge folders, template headings). */
  profiles: Profile[];
  seed: string;
  keep: boolean;
  inPlace: boolean;
  cpuProf?: string;
}

/** Where and how one size's builds run. */
interface Workspace {
  cwd: string;
  /** Extra arguments to `astro build`. */
  astroArgs: string[];
  /** What a cold build deletes first. */
  caches: string[];
}

/** A temp folder to build in, with its own caches and its own prerender bundle; see the header. */
function isolatedWorkspace(tmp: string): Workspace {
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
  const cache = path.join(tmp, 'astro-cache');
  const viteCache = path.join(tmp, 'vite-cache');
  const config = path.join(tmp, 'astro.config.bench.mjs');
  writeFileSync(
    config,
    [
      `import config from ${JSON.stringify(pathToFileURL(path.join(projectRoot, 'astro.config.mjs')).href)};`,
      `export default { ...config, cacheDir: ${JSON.stringify(`${cache}/`)}, vite: { ...(config.vite ?? {}), cacheDir: ${JSON.stringify(viteCache)} } };`,
      '',
    ].join('\n'),
  );
  // Astro joins --config to the root, so it must be relative to it.
  return { cwd: tmp, astroArgs: ['--root', projectRoot, '--config', path.relative(projectRoot, config)], caches: [cache, viteCache] };
}

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(k)?$/i.exec(text.trim().replace(/[_,]/g, ''));
  if (!match) throw new Error(`not a vault size: “${text}”`);
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [100, 1000, 10000], profiles: ['synthetic', 'community'], seed: 'quire', keep: false, inPlace: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--sizes') args.sizes = value().split(/[\s,;]+/).filter(Boolean).map(parseSize);
    else if (flag === '--profiles') args.profiles = value().split(/[\s,;]+/).filter(Boolean) as Profile[];
    else if (flag === '--seed') args.seed = value();
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--in-place') args.inPlace = true;
    else if (flag === '--cpu-prof') args.cpuProf = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run bench -- [--sizes 100,1000,10000] [--profiles synthetic,community] [--seed <text>] [--keep] [--in-place] [--cpu-prof <dir>]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!args.sizes.length || args.sizes.some((n) => !(n >= 1))) throw new Error('--sizes needs positive numbers, e.g. 100,1000');
  const unknown = args.profiles.filter((profile) => !(profile in PROFILES));
  if (!args.profiles.length || unknown.length) throw new Error(`--profiles takes ${Object.keys(PROFILES).join(', ')}`);
  return args;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------------------
// Peak RSS of a process tree, from /proc.

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the fields after it are: state, ppid, ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The summed RSS of `root` and all its descendants, in kB. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += rssKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

// ---------------------------------------------------------------------------
// One build.

interface BuildRun {
  ok: boolean;
  code: number | null;
  seconds: number;
  peakRssMb: number;
  output: string;
}

function runBuild(workspace: Workspace, vault: string, outDir: string, nodeFlags: string[] = []): Promise<BuildRun> {
  // Through NODE_OPTIONS the flags reach the Astro process the build command starts.
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: vault, NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...nodeFlags].join(' ').trim() };
  // Warnings (the generated vault links to a few missing notes on purpose) must not fail the build.
  delete env.QUIRE_STRICT;
  const hasProc = existsSync('/proc/self/status');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [buildCli, ...workspace.astroArgs, '--outDir', outDir], { cwd: workspace.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peakKb = 0;
    const sample = () => {
      if (hasProc && child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    };
    const timer = setInterval(sample, 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ok: code === 0, code, seconds: (performance.now() - started) / 1000, peakRssMb: peakKb / 1024, output });
    });
  });
}

// ---------------------------------------------------------------------------
// Where a build's time went, read from Astro's own log.

interface Phases {
  /** Config hooks (Quire reads the vault and builds its whole model here), content sync, types. */
  setup?: number | undefined;
  /** Vite/Rolldown bundling of the entrypoints. */
  bundling?: number | undefined;
  /** `generating static routes`: rendering and writing every page. */
  rendering?: number | undefined;
  /** Pagefind indexing the written site, as the build reports it. */
  indexing?: number | undefined;
  /** Astro's own total (`N page(s) built in`). */
  astroTotal?: number | undefined;
}

/** `6m 38s`, `3.03s`, `467ms` → seconds. */
function parseDuration(text: string): number | undefined {
  let seconds = 0;
  let found = false;
  for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|h|m|s)\b/g)) {
    found = true;
    seconds += Number(value) * (unit === 'ms' ? 0.001 : unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
  }
  return found ? seconds : undefined;
}


function parsePhases(output: string): Phases {
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const phases: Phases = {};
  let bundling = 0;
  let routesAt = -1;
  for (const [i, line] of lines.entries()) {
    const built = /\[vite\] ✓ built in (.+)$/.exec(line);
    if (built) bundling += parseDuration(built[1]!) ?? 0;
    if (/^\s*generating static routes/.test(line)) routesAt = i;
    const completed = /✓ Completed in (.+?)\.?\s*$/.exec(line);
    if (completed) {
      const seconds = parseDuration(completed[1]!);
      if (routesAt < 0 && phases.setup === undefined && line.includes('[build]')) phases.setup = seconds;
      else if (routesAt >= 0 && phases.rendering === undefined && !line.includes('[build]')) phases.rendering = seconds;
    }
    const indexed = /\[quire\] search index: \d+ pages indexed in ([\d.]+) s/.exec(line);
    if (indexed) phases.indexing = Number(indexed[1]);
    const total = /page\(s\) built in (.+)$/.exec(line);
    if (total) phases.astroTotal = parseDuration(total[1]!);
  }
  if (bundling) phases.bundling = bundling;
  return phases;
}

// ---------------------------------------------------------------------------
// What the build wrote.

interface SiteStats {
  pages: number;
  distMb: number;
  pagefindMb: number;
  largest: { file: string; kb: number; gzWithCssKb: number } | undefined;
}

function walk(dir: string, visit: (file: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, statSync(full).size);
  }
}

function siteStats(outDir: string): SiteStats {
  let pages = 0;
  let total = 0;
  let pagefind = 0;
  let largest: { file: string; size: number } | undefined;
  const pagefindDir = path.join(outDir, 'pagefind') + path.sep;
  walk(outDir, (file, size) => {
    total += size;
    if (file.startsWith(pagefindDir)) pagefind += size;
    if (path.basename(file) === 'index.html') pages++;
    if (file.endsWith('.html') && (!largest || size > largest.size)) largest = { file, size };
  });
  const mb = (bytes: number) => bytes / 1024 / 1024;
  if (!largest) return { pages, distMb: mb(total), pagefindMb: mb(pagefind), largest: undefined };

  // The page as a reader downloads it: the HTML and each stylesheet it links, each gzipped.
  const html = readFileSync(largest.file);
  let gz = gzipSync(html).length;
  const base = (process.env.BASE_PATH?.trim() || '/').replace(/\/?$/, '/');
  const stylesheets = new Set<string>();
  for (const tag of html.toString('utf8').match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
    const clean = href.split(/[?#]/)[0]!;
    const file = clean.startsWith('/')
      ? path.join(outDir, clean.startsWith(base) ? clean.slice(base.length) : clean)
      : path.resolve(path.dirname(largest.file), clean);
    stylesheets.add(file);
  }
  for (const file of stylesheets) if (existsSync(file)) gz += gzipSync(readFileSync(file)).length;
  return {
    pages,
    distMb: mb(total),
    pagefindMb: mb(pagefind),
    largest: { file: path.relative(outDir, largest.file), kb: largest.size / 1024, gzWithCssKb: gz / 1024 },
  };
}

// ---------------------------------------------------------------------------

interface Row {
  profile: Profile;
  notes: number;
  cold?: BuildRun;
  site?: SiteStats;
  warm?: BuildRun;
  changed?: BuildRun;
  report: string[];
  failed?: string;
}

/**
 * A build deletes the site it replaced in a process of its own, once it has
 * ended (src/integrations/atomic-out-dir.ts). The next build is timed once that
 * is done, as it would be at a person's pace, or after two minutes (the next
 * build deletes what is left); answers how long it went on.
 */
async function lastSiteDeleted(outDir: string): Promise<number> {
  const started = performance.now();
  const deleting = () => readdirSync(path.dirname(outDir)).some((entry) => AtomicOutDir.isRetired(outDir, entry));
  while (deleting() && performance.now() - started < 120_000) await new Promise((resolve) => setTimeout(resolve, 50));
  return (performance.now() - started) / 1000;
}

function tail(output: string, lines = 40): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}

async function benchSize(profile: Profile, notes: number, args: Args): Promise<Row> {
  const row: Row = { profile, notes, report: [] };
  const tmp = mkdtempSync(path.join(os.tmpdir(), `quire-bench-${profile}-${notes}-`));
  const vault = path.join(tmp, 'vault');
  const outDir = path.join(tmp, 'dist');
  try {
    let started = performance.now();
    const files = PROFILES[profile]({ notes, seed: args.seed });
    writeVault(files, vault);
    log(`${notes} notes: generated ${files.size} files in ${((performance.now() - started) / 1000).toFixed(1)} s at ${vault}`);

    const failed = (what: string, run: BuildRun) => {
      row.failed = `${what} build failed (exit ${run.code})`;
      log(`${notes} notes: ${row.failed}; the last lines of its output:`);
      process.stderr.write(`${tail(run.output)}\n`);
    };

    // Cold: no output, no Astro/Vite caches.
    const workspace = args.inPlace ? { cwd: projectRoot, astroArgs: [], caches: PROJECT_CACHES } : isolatedWorkspace(tmp);
    rmSync(outDir, { recursive: true, force: true });
    for (const cache of workspace.caches) rmSync(cache, { recursive: true, force: true });
    const profFlags = args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${args.cpuProf}`] : [];
    log(`${notes} notes: cold build…`);
    started = performance.now();
    row.cold = await runBuild(workspace, vault, outDir, profFlags);
    row.report = row.cold.output.split('\n').filter((line) => line.includes('[quire] Quire:') && !/^\S+ \[quire\] {3}/.test(line)).map((l) => l.replace(/^.*?\[quire\] /, ''));
    if (!row.cold.ok) {
      failed('cold', row.cold);
      return row;
    }
    row.site = siteStats(outDir);
    log(`${notes} notes: cold build ${row.cold.seconds.toFixed(1)} s, ${row.site.pages} pages, peak RSS ${row.cold.peakRssMb.toFixed(0)} MB`);

    log(`${notes} notes: warm rebuild…`);
    row.warm = await runBuild(workspace, vault, outDir);
    if (!row.warm.ok) {
      failed('warm', row.warm);
      return row;
    }
    log(`${notes} notes: warm rebuild ${row.warm.seconds.toFixed(1)} s; the site it replaced deleted ${(await lastSiteDeleted(outDir)).toFixed(1)} s after it ended`);

    // Change one ordinary note, in the middle of the vault's order.
    const candidates = [...files.keys()].filter((file) => file.endsWith('.md') && !file.startsWith('AWS/') && !file.startsWith('Reading/')).sort();
    const changed = candidates[Math.floor(candidates.length / 2)] ?? [...files.keys()].find((file) => file.endsWith('.md'))!;
    appendFileSync(path.join(vault, changed), `\nEdited for the benchmark: one more line mentioning Amazon S3 and [[${changed.replace(/^.*\//, '').replace(/\.md$/, '')}]].\n`);
    log(`${notes} notes: rebuild after changing ${changed}…`);
    row.changed = await runBuild(workspace, vault, outDir);
    if (!row.changed.ok) {
      failed('one-change', row.changed);
      return row;
    }
    log(`${notes} notes: rebuild after one change ${row.changed.seconds.toFixed(1)} s; the site it replaced deleted ${(await lastSiteDeleted(outDir)).toFixed(1)} s after it ended`);
    return row;
  } finally {
    if (args.keep) log(`${notes} notes: kept ${tmp}`);
    else {
      // The link to the project's node_modules goes first, so nothing can ever follow it.
      rmSync(path.join(tmp, 'node_modules'), { force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}

function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (model) cpu = model.trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  const cores = os.availableParallelism();
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `Machine: ${cpu}, ${cores} cores, ${ram} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function table(rows: Row[]): string {
  const fixed = (value: number | undefined, digits: number) => (value === undefined ? '—' : value.toFixed(digits));
  const header = ['notes', 'pages', 'cold build s', 'ms/note', 'peak RSS MB', 'dist MB', 'pagefind MB', 'largest page KB (gz, with CSS)', 'warm rebuild s', 'rebuild after 1 change s'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`];
  for (const row of rows) {
    const cold = row.cold?.ok ? row.cold : undefined;
    const largest = row.site?.largest;
    const cells = [
      row.notes.toLocaleString('en-US'),
      row.site ? String(row.site.pages) : '—',
      cold ? fixed(cold.seconds, 1) : row.failed ?? '—',
      cold ? fixed((cold.seconds * 1000) / row.notes, 1) : '—',
      cold ? fixed(cold.peakRssMb, 0) : '—',
      fixed(row.site?.distMb, 1),
      fixed(row.site?.pagefindMb, 1),
      largest ? `${largest.kb.toFixed(0)} (${largest.gzWithCssKb.toFixed(0)})` : '—',
      row.warm?.ok ? fixed(row.warm.seconds, 1) : row.cold?.ok ? row.failed ?? '—' : '—',
      row.changed?.ok ? fixed(row.changed.seconds, 1) : row.warm?.ok ? row.failed ?? '—' : '—',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The build's own "largest page of each kind" lines: what a first visit downloads, gzipped, in KB. */
function pageWeights(output: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [, kind, kb] of output.replace(/\u001b\[[0-9;]*m/g, '').matchAll(/\[quire\] {3}(\S+)\s+([\d.]+) KB = HTML/g)) weights.set(kind!, Number(kb));
  return weights;
}

function report(rows: Row[]): string[] {
  const out: string[] = [];
  const cell = (v: number | undefined, digits = 1) => (v === undefined ? '—' : v.toFixed(digits));
  for (const profile of [...new Set(rows.map((row) => row.profile))]) {
    const mine = rows.filter((row) => row.profile === profile);
    out.push('', `### Profile: ${profile}`, '', table(mine));
    const timed = mine.filter((row) => row.cold?.ok);
    if (!timed.length) continue;
    out.push('', 'Where the time goes, in s (from the build’s own log): the cold build’s phases, and the rebuild after one change without its search index.', '');
    const header = ['notes', 'pages per note', 'cold s', 'prepare (setup + model)', 'bundling', 'rendering pages', 'Pagefind index', 'rest', '1-change rebuild s', 'of which Pagefind', 'the rest, as a share of cold'];
    out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---:').join('|')}|`);
    for (const row of timed) {
      const p = parsePhases(row.cold!.output);
      const known = [p.setup, p.bundling, p.rendering, p.indexing].reduce<number>((sum, v) => sum + (v ?? 0), 0);
      const changed = row.changed?.ok ? row.changed : undefined;
      const changedIndex = changed ? (parsePhases(changed.output).indexing ?? 0) : undefined;
      const share = changed ? `${(((changed.seconds - changedIndex!) / row.cold!.seconds) * 100).toFixed(1)}%` : '—';
      const perNote = row.site ? (row.site.pages / row.notes).toFixed(2) : '—';
      out.push(`| ${[row.notes.toLocaleString('en-US'), perNote, cell(row.cold!.seconds), cell(p.setup), cell(p.bundling), cell(p.rendering), cell(p.indexing), cell(row.cold!.seconds - known), cell(changed?.seconds), cell(changedIndex), share].join(' | ')} |`);
    }
    const weights = timed.map((row) => pageWeights(row.cold!.output));
    const kinds = [...new Set(weights.flatMap((w) => [...w.keys()]))].sort();
    if (kinds.length) {
      out.push('', 'Largest page of each kind, first visit (HTML + CSS + JS), gzipped KB:', '');
      out.push(`| notes | ${kinds.join(' | ')} |`, `|---:|${kinds.map(() => '---:').join('|')}|`);
      timed.forEach((row, i) => out.push(`| ${row.notes.toLocaleString('en-US')} | ${kinds.map((kind) => cell(weights[i]!.get(kind))).join(' | ')} |`));
    }
    for (const row of mine) {
      if (row.report.length) out.push('', `Build report, ${row.notes.toLocaleString('en-US')} notes:`, ...row.report.slice(0, 3).map((line) => `  ${line}`));
    }
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  log(machine());
  log(`profiles: ${args.profiles.join(', ')}; sizes: ${args.sizes.join(', ')}; seed “${args.seed}”${args.cpuProf ? `; CPU profiles of cold builds in ${args.cpuProf}` : ''}`);
  const rows: Row[] = [];
  for (const profile of args.profiles) {
    for (const notes of args.sizes) {
      try {
        rows.push(await benchSize(profile, notes, args));
      } catch (error) {
        log(`${profile}, ${notes} notes: ${(error as Error).stack ?? String(error)}`);
        rows.push({ profile, notes, report: [], failed: `error: ${(error as Error).message}` });
      }
    }
  }
  const out: string[] = ['', machine(), ...report(rows), ''];
  out.push('Peak RSS: the build process and all its descendants (Pagefind included), summed from /proc every 100 ms.');
  out.push('Largest page: the biggest .html file, in KB, and in brackets gzipped together with the stylesheets it links.');
  for (const row of rows) {
    if (row.site?.largest) out.push(`Largest page, ${row.profile}, ${row.notes.toLocaleString('en-US')} notes: ${row.site.largest.file}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  if (rows.some((row) => row.failed)) process.exitCode = 1;
}

await main();
