import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

/** A vault with one folder of 320 notes, each tagged and linking to one note: every list that grows with a vault is long. */
async function longVault(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-long-lists-'));
  await mkdir(path.join(dir, 'Inbox'));
  await writeFile(path.join(dir, 'Target.md'), 'Everything links here.\n');
  for (let i = 0; i < 320; i++) {
    await writeFile(path.join(dir, 'Inbox', `Note ${String(i).padStart(3, '0')}.md`), `#inbox Note ${i} says something about [[Target]], in its own words.\n`);
  }
  return dir;
}

let build: BuildResult;
const page = async (slug: string): Promise<Root> => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));
const hrefs = (tree: Root, selector: string) => selectAll(selector, tree).map((a) => String(a.properties.href));

beforeAll(async () => {
  build = await buildSite({ contentDir: await longVault() });
});

describe('a vault whose lists are long, built', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('keeps the largest page of every kind within 50 KB on a first visit, gzipped', () => {
    const weights = [...build.output.matchAll(/\[quire\]\s+(\w+)\s+([\d.]+) KB = HTML/g)].map(([, kind, kb]) => [kind, Number(kb)] as const);
    expect(weights.map(([kind]) => kind)).toEqual(expect.arrayContaining(['folder', 'list', 'note', 'tag', 'home']));
    for (const [kind, kb] of weights) expect(kb, kind).toBeLessThanOrEqual(50);
  });

  it('shows a window of a large folder in the sidebar, around the current note', async () => {
    const note = await page('inbox/note-200');
    const listed = selectAll('.nav-folder li a', note).map((a) => toString(a));
    expect(listed.length).toBeLessThan(40);
    expect(listed).toContain('Note 200');
    expect(toString(select('.nav-window', note)!)).toBe('185 notes before these');
    expect(hrefs(note, '.nav-folder a')).toContain('/folders/inbox/');
  });

  it('pages through a folder’s notes with plain links', async () => {
    const folder = await page('folders/inbox');
    expect(selectAll('#folder-notes ~ ul li, .folder-list li', folder).length).toBeLessThanOrEqual(100);
    expect(hrefs(folder, '.pager a[rel="next"]')).toEqual(['/folders/inbox/2/']);
    const second = await page('folders/inbox/2');
    expect(selectAll('.folder-list li', second)).toHaveLength(100);
    expect(hrefs(second, '.pager a[rel="prev"]')[0]).toBe('/folders/inbox/');
    expect(hrefs(second, '.pager a[rel="next"]')[0]).toBe('/folders/inbox/3/');
    const last = await page('folders/inbox/4');
    expect(selectAll('.folder-list li', last)).toHaveLength(20);
    expect(select('.pager a[rel="next"]', last)).toBeUndefined();
  });

  it('shows a note’s first passages linking to it, and every one on pages of their own', async () => {
    const target = await page('target');
    expect(selectAll('.backlinks .passage', target)).toHaveLength(20);
    expect(toString(select('.backlinks h2', target)!)).toBe('Linked from 320');
    expect(hrefs(target, '.backlinks .list-more a')).toEqual(['/target/linked-from/']);
    const lists = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => page(n === 1 ? 'target/linked-from' : `target/linked-from/${n}`)));
    const passages = lists.flatMap((list) => selectAll('.passage-text', list).map((p) => toString(p)));
    expect(passages).toHaveLength(320);
    expect(new Set(passages).size).toBe(320);
  });

  it('pages through a tag’s pages, and leaves no link broken', async () => {
    const tag = await page('tags/inbox');
    expect(hrefs(tag, '.pager a[rel="next"]')).toEqual(['/tags/inbox/2/']);
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });
});
