import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const astro = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** What a folder holds once nothing is being deleted from it any more (or after a minute). */
async function leftAlone(folder: string): Promise<string[]> {
  for (let tries = 0; ; tries++) {
    const entries = (await readdir(folder)).sort();
    if (entries.length <= 1 || tries === 600) return entries;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a build that is stopped half-way', () => {
  it('leaves the previous site untouched, and the next build clears what it left', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'quire-atomic-'));
    const site = path.join(parent, 'dist');
    const first = await buildSite({ contentDir: 'tests/fixtures/links-vault', outDir: site });
    expect(first.code, first.output).toBe(0);
    await writeFile(path.join(site, 'deployed.txt'), 'the site as deployed');
    const before = (await readdir(site)).sort();

    // Build another vault and kill it as soon as it has started writing pages.
    const child = spawn(process.execPath, [astro, 'build', '--outDir', site], { cwd: projectRoot, env: { ...process.env, CONTENT_DIR: 'content' } });
    const staging = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(async () => {
        const entries = await readdir(parent);
        const found = entries.find((e) => e.startsWith('dist.quire-staging-'));
        if (found && (await readdir(path.join(parent, found)).catch(() => [])).length > 0) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(found);
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the build finished before it could be stopped'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    expect((await readdir(site)).sort()).toEqual(before);
    await expect(readFile(path.join(site, 'deployed.txt'), 'utf8')).resolves.toBe('the site as deployed');
    await expect(readFile(path.join(site, 'home', 'index.html'), 'utf8')).resolves.toContain('Welcome');
    expect(await readdir(parent)).toContain(staging);

    const next = await buildSite({ outDir: site });
    expect(next.code, next.output).toBe(0);
    // The killed build's staging folder is cleared; the last site, which the new one replaced, is deleted once the build has ended.
    expect(await readdir(parent)).not.toContain(staging);
    expect(await leftAlone(parent)).toEqual(['dist']);
    await expect(readFile(path.join(site, 'data-science-on-aws', 'index.html'), 'utf8')).resolves.toContain('Data Science on AWS');
    await expect(readFile(path.join(site, 'deployed.txt'), 'utf8')).rejects.toThrow();
  });
});
