import { appendFile, cp, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesOf, type BuildResult } from '../helpers/build-site.ts';

const vault = 'tests/fixtures/links-vault';
let parent: string;
let site: string;
let build: BuildResult;

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'quire-build-command-'));
  site = path.join(parent, 'dist');
  build = await buildSite({ contentDir: vault, outDir: site, command: 'npm run build' });
});

describe('npm run build', () => {
  it('indexes the site once Astro has finished, then puts it in place', async () => {
    expect(build.code, build.output).toBe(0);
    const handedOver = build.output.indexOf('the search index is built once this process has exited');
    const indexed = build.output.search(/\[quire\] search index: \d+ pages indexed/);
    const written = build.output.indexOf(`[quire] site written to ${site}`);
    expect(handedOver, build.output).toBeGreaterThan(0);
    expect(indexed).toBeGreaterThan(handedOver);
    expect(written).toBeGreaterThan(indexed);
    await expect(readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')).resolves.toContain('"languages"');
    expect(await readdir(parent)).toEqual(['dist']);
  });

  it('counts the pages it writes instead of listing them, and shows every one with --verbose', async () => {
    expect(build.output).not.toMatch(/[├└]─ /);
    expect(build.output).toMatch(/\[quire\] \d+ pages written: \d+ rendered, \d+ unchanged since the last build/);
    expect(build.output).not.toContain('Some chunks are larger than 500 kB');
    const verbose = await buildSite({ contentDir: vault, args: ['--verbose'] });
    expect(verbose.code, verbose.output).toBe(0);
    expect(verbose.output).toMatch(/├─ \/home\/index\.html/);
  });

  it('writes the same site, search index included, as astro build does in one process', async () => {
    const single = await buildSite({ contentDir: vault, command: 'astro build' });
    expect(single.code, single.output).toBe(0);
    expect(single.output).not.toContain('the search index is built once this process has exited');
    const [split, whole] = await Promise.all([filesOf(site), filesOf(single.outDir)]);
    expect([...split.keys()].sort()).toEqual([...whole.keys()].sort());
    expect([...split.keys()].some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    for (const [file, bytes] of split) expect(bytes.equals(whole.get(file)!), file).toBe(true);
  });

  it('keeps the last search index when no page changed, and makes it anew when one did', async () => {
    const index = async (dir: string) => new Map([...(await filesOf(dir))].filter(([file]) => file.startsWith('pagefind/')));
    const before = await index(site);
    const page = path.join(site, 'field-guide', 'index.html');
    const { ino, mtimeMs } = await stat(page);
    const again = await buildSite({ contentDir: vault, outDir: site, command: 'npm run build' });
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('search index: no page changed since the last build, so its index is kept');
    // Pages whose key is unchanged are linked from the last site rather than rendered, and come out the same.
    const [, written, rerendered, unchanged] = /\[quire\] (\d+) pages written: (\d+) rendered, (\d+) unchanged since the last build/.exec(again.output)!.map(Number);
    expect(unchanged).toBeGreaterThan(0);
    expect(rerendered! + unchanged!).toBe(written);
    // The very file, not a copy, and not written again: the last site's file is shared, and stays as it was.
    expect((await stat(page)).ino).toBe(ino);
    expect((await stat(page)).mtimeMs).toBe(mtimeMs);
    const fresh = await buildSite({ contentDir: vault, command: 'npm run build', args: ['--force'] });
    const [linked, rendered] = await Promise.all([filesOf(site), filesOf(fresh.outDir)]);
    expect([...linked.keys()].sort()).toEqual([...rendered.keys()].sort());
    for (const [file, bytes] of rendered) expect(linked.get(file)!.equals(bytes), file).toBe(true);
    const kept = await index(site);
    expect([...kept.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of kept) expect(bytes.equals(before.get(file)!), file).toBe(true);

    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'quire-build-command-'));
    const copy = path.join(elsewhere, 'vault');
    await cp(vault, copy, { recursive: true });
    const other = path.join(elsewhere, 'dist');
    expect((await buildSite({ contentDir: copy, outDir: other, command: 'npm run build' })).code).toBe(0);
    await appendFile(path.join(copy, 'Blocks.md'), '\nA sentence about quokkas.\n');
    const changed = await buildSite({ contentDir: copy, outDir: other, command: 'npm run build' });
    expect(changed.output).toMatch(/search index: \d+ pages indexed/);
    const fragments = [...(await index(other))].filter(([file]) => file.startsWith('pagefind/fragment/')).map(([, bytes]) => gunzipSync(bytes).toString('utf8'));
    expect(fragments.some((text) => text.includes('quokkas'))).toBe(true);
  }, 300_000);

  it('leaves the last site in place, and nothing beside it, when the build fails', async () => {
    const before = await filesOf(site);
    const failed = await buildSite({ contentDir: 'tests/fixtures/bad-catalog-vault', outDir: site, command: 'npm run build' });
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('services.yaml');
    expect(failed.output).not.toContain('site written to');
    const after = await filesOf(site);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(await readdir(parent)).toEqual(['dist']);
  });
});

describe('a build that runs out of memory', () => {
  it('says so and how to give it more, and leaves the last site in place', async () => {
    const before = await filesOf(site);
    const starved = await buildSite({ contentDir: vault, outDir: site, command: 'npm run build', env: { NODE_OPTIONS: '--max-old-space-size=24' } });
    expect(starved.code).not.toBe(0);
    expect(starved.output).toContain('The build ran out of memory: it needed more than the 24 MB NODE_OPTIONS sets.');
    expect(starved.output).toContain('NODE_OPTIONS=--max-old-space-size=2048 npm run build');
    expect([...(await filesOf(site)).keys()].sort()).toEqual([...before.keys()].sort());
    expect(await readdir(parent)).toEqual(['dist']);
  });
});
