import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './fixtures.ts';

export interface BuildResult {
  code: number;
  /** What the build printed, as a reader sees it: without the colours Astro adds when CI=true forces them. */
  output: string;
  outDir: string;
}

/** The environment a user's command runs with: this one, without Vitest's and Vite's own variables, and with `extra`. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.CONTENT_DIR;
  delete env.BASE_PATH;
  // Vitest puts Vite's own variables in the environment (NODE_ENV=test, DEV=1, MODE, …); a user's build runs without them.
  for (const name of ['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']) if (!(name in extra)) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

export interface BuildOptions {
  contentDir?: string;
  base?: string;
  env?: Record<string, string>;
  outDir?: string;
  args?: string[];
  /** `npm run build` (the default: src/cli/build.ts, Astro, then Pagefind in its own step) or plain `astro build`, which does both in one process. */
  command?: 'npm run build' | 'astro build';
}

/** Runs a real build of a vault into a fresh folder, the way a user would with CONTENT_DIR and BASE_PATH. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? (await mkdtemp(path.join(os.tmpdir(), 'quire-build-')));
  const env = userEnv(options.env);
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  if (options.base) env.BASE_PATH = options.base;
  const command = options.command === 'astro build' ? [path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'] : [path.join(projectRoot, 'src', 'cli', 'build.ts')];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, '--outDir', outDir, ...(options.args ?? [])], { cwd: projectRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, ''), outDir }));
  });
}

/** Every file a build wrote, by its path in the site. */
export async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full), await readFile(full));
  }
  return files;
}
