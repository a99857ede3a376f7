import { appendFile, cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesOf, type BuildResult } from '../helpers/build-site.ts';
import { fixture } from '../helpers/fixtures.ts';

let first: BuildResult;
let second: BuildResult;
let fresh: BuildResult;

/** A build's log as a reader sees it: without the colours Astro adds when CI=true forces them. */
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/** The pages a build wrote by rendering them, not by copying them from the build before. */
const rendered = (output: string) => [...plain(output).matchAll(/├─ (\S+\.html)(.*)/g)].filter((m) => !/\((restored|cached)\)/.test(m[2]!)).map((m) => m[1]!);

beforeAll(async () => {
  const vault = path.join(await mkdtemp(path.join(os.tmpdir(), 'quire-incremental-')), 'links-vault');
  await cp(fixture('links-vault'), vault, { recursive: true });
  // --verbose: every page Astro writes is in the log, marked when it was copied from the build before.
  first = await buildSite({ contentDir: vault, args: ['--verbose'] });
  await appendFile(path.join(vault, 'Blocks.md'), '\nA new paragraph, zebra-marker, that links to [[Home]].\n');
  // A note made private since the last build: its page must go, however much else is reused.
  await writeFile(path.join(vault, 'Aliased.md'), '---\npublish: false\naliases:\n  - Also Known As\n---\nA note with an alias, private-marker.\n');
  second = await buildSite({ contentDir: vault, args: ['--verbose'] });
  // What a build from nothing makes of the same vault: `--force` ignores every cache.
  fresh = await buildSite({ contentDir: vault, args: ['--force', '--verbose'] });
});

describe('building again after notes changed', () => {
  it('prepares only the changed notes, and renders only the pages that show them', () => {
    for (const build of [first, second, fresh]) expect(build.code, build.output).toBe(0);
    expect(plain(second.output)).toContain('10 notes: 8 unchanged since the last build, 2 prepared');
    const again = rendered(second.output);
    // The edited note; Home, whose backlinks now list it; the pages whose sidebar listed the note that left (the vault's top
    // folder, chapters included). The pages Astro never keys (lists, feeds) render every time. A note in its own folder is copied.
    expect(again).toEqual(expect.arrayContaining(['/blocks/index.html', '/home/index.html', '/field-guide/part-1-forests/index.html']));
    expect(again).not.toContain('/deep/er/note/index.html');
    expect(plain(second.output)).toMatch(/\(restored\)|\(cached\)/);
  });

  it('writes the same site, byte for byte, as a build from nothing', async () => {
    expect(plain(fresh.output)).toContain('10 notes: 0 unchanged since the last build, 10 prepared');
    expect(rendered(fresh.output)).toContain('/field-guide/part-1-forests/index.html');
    const [incremental, complete] = await Promise.all([filesOf(second.outDir), filesOf(fresh.outDir)]);
    expect([...incremental.keys()].sort()).toEqual([...complete.keys()].sort());
    const differing = [...complete].filter(([file, bytes]) => !incremental.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing).toEqual([]);
    expect(incremental.get('blocks/index.html')!.toString()).toContain('zebra-marker');
    expect(incremental.get('home/index.html')!.toString()).toMatch(/<section class="backlinks"[\s\S]*zebra-marker/);
  });

  it('leaves out a note made private since, its page and every trace of it', async () => {
    const site = await filesOf(second.outDir);
    expect(site.has('aliased/index.html')).toBe(false);
    const leaks = [...site].filter(([, bytes]) => bytes.includes('private-marker') || bytes.includes('/aliased/')).map(([file]) => file);
    expect(leaks).toEqual([]);
  });
});
