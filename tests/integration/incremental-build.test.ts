import { existsSync } from 'node:fs';
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

/** The pages a build rendered: Astro lists each; the pages taken unchanged from the last site are not its to write. */
const rendered = (output: string) => [...plain(output).matchAll(/├─ (\S+\.html)/g)].map((m) => m[1]!);

beforeAll(async () => {
  const vault = path.join(await mkdtemp(path.join(os.tmpdir(), 'quire-incremental-')), 'links-vault');
  await cp(fixture('links-vault'), vault, { recursive: true });
  // --verbose: every page Astro renders is in the log.
  first = await buildSite({ contentDir: vault, args: ['--verbose'] });
  await appendFile(path.join(vault, 'Blocks.md'), '\nA new paragraph, zebra-marker, that links to [[Home]].\n');
  // Astro compiles an MDX note itself, so its page is rendered again whatever its key says.
  await appendFile(path.join(vault, 'mdx', 'Component Note.mdx'), '\nA sentence added since, mdx-marker.\n');
  // A note made private since the last build: its page must go, however much else is reused.
  await writeFile(path.join(vault, 'Aliased.md'), '---\npublish: false\naliases:\n  - Also Known As\n---\nA note with an alias, private-marker.\n');
  // Into the same folder: a page is taken unchanged from the site it was written to.
  second = await buildSite({ contentDir: vault, outDir: first.outDir, args: ['--verbose'] });
  // What a build from nothing makes of the same vault: `--force` ignores every cache.
  fresh = await buildSite({ contentDir: vault, args: ['--force', '--verbose'] });
});

describe('building again after notes changed', () => {
  it('prepares only the changed notes, and renders only the pages that show them', () => {
    for (const build of [first, second, fresh]) expect(build.code, build.output).toBe(0);
    expect(plain(second.output)).toContain('10 notes: 7 unchanged since the last build, 3 prepared');
    const again = rendered(second.output);
    // The edited note; Home, whose backlinks now list it; the pages whose sidebar listed the note that left (the vault's top
    // folder, chapters included). The pages Quire never keys (lists, feeds) render every time. A note in its own folder is kept.
    expect(again).toEqual(expect.arrayContaining(['/blocks/index.html', '/home/index.html', '/field-guide/part-1-forests/index.html']));
    expect(again).toContain('/mdx/component-note/index.html');
    expect(again).not.toContain('/deep/er/note/index.html');
    const [, written, renderedCount, unchanged] = /(\d+) pages written: (\d+) rendered, (\d+) unchanged since the last build/.exec(plain(second.output))!.map(Number);
    expect(renderedCount).toBe(again.length);
    expect(unchanged).toBeGreaterThan(0);
    expect(renderedCount! + unchanged!).toBe(written);
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
    expect(incremental.get('mdx/component-note/index.html')!.toString()).toContain('mdx-marker');
  });

  it('leaves out a note made private since, its page and every trace of it', async () => {
    const site = await filesOf(second.outDir);
    expect(site.has('aliased/index.html')).toBe(false);
    // Nor an empty folder where its page was, or its alias's.
    expect(existsSync(path.join(second.outDir, 'aliased'))).toBe(false);
    expect(existsSync(path.join(second.outDir, 'also-known-as'))).toBe(false);
    const leaks = [...site].filter(([, bytes]) => bytes.includes('private-marker') || bytes.includes('/aliased/')).map(([file]) => file);
    expect(leaks).toEqual([]);
  });
});
