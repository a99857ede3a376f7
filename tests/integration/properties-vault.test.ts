import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const page = async (slug: string) => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));
const text = (node: Element | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : undefined);
/** The properties table of a page, as its rows read: name → the cell. */
const rowsOf = async (slug: string) => new Map(selectAll('table.note-properties tr', await page(slug)).map((row) => [text(select('th', row)), select('td', row)!]));
/** What a list of passages shows, one [page, what the passage says] per passage. */
const passagesIn = (list: Element | Root | undefined) =>
  selectAll('.passage-page', list!).flatMap((entry) => selectAll('.passage', entry).map((item) => [text(select('.passage-page-title', entry)), text(select('.passage-text', item) ?? select('.passage-place', item))]));
const backlinksOf = async (slug: string) => passagesIn(select('.backlinks', await page(slug)));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/properties-vault' });
});

describe('properties on the page', () => {
  it('builds, reporting the link in a property to a note not written yet', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Movie\.md:10 +\[\[Prequel\]\]: no note named “Prequel”; it links to a stub page/);
  });

  it('shows every type of property above the text, as Obsidian types it, leaving out what Quire reads itself', async () => {
    const rows = await rowsOf('hope');
    expect([...rows.keys()]).toEqual(['year', 'rating', 'favorite', 'seen', 'cast', 'sequel', 'service', 'released', 'premiere', 'website', 'notes', 'nested', 'aliases']);
    expect(text(rows.get('year'))).toBe('1977');
    expect(text(rows.get('rating'))).toBe('8.6');
    expect(select('input[type="checkbox"]', rows.get('favorite')!)?.properties).toMatchObject({ checked: true, disabled: true, ariaLabel: 'favorite' });
    expect(select('input[type="checkbox"]', rows.get('seen')!)?.properties).toMatchObject({ disabled: true });
    expect(select('input[type="checkbox"]:checked', rows.get('seen')!)).toBeUndefined();
    expect(selectAll('li', rows.get('cast')!).map((li) => text(li))).toEqual(['Mark Hamill', 'Harrison Ford']);
    expect(select('time', rows.get('released')!)?.properties.dateTime).toBe('1977-05-25');
    expect(select('time', rows.get('premiere')!)).toMatchObject({ properties: { dateTime: '1977-05-25T19:30:00' }, children: [{ type: 'text', value: '1977-05-25 19:30' }] });
    expect(select('a', rows.get('website')!)?.properties.href).toBe('https://example.com/hope');
    expect(text(rows.get('nested'))).toBe('{"director":"George Lucas"}');
    expect(selectAll('li', rows.get('aliases')!).map((li) => text(li))).toEqual(['Star Wars', 'Episode IV']);
    // Above the note's text.
    const body = await page('hope');
    const article = select('article', body)!;
    expect(toString(article).indexOf('year')).toBeLessThan(toString(article).indexOf('The film, with Sequel'));
  });

  it('makes [[links]] in properties working links, to notes, stubs and hubs', async () => {
    const rows = await rowsOf('hope');
    expect(selectAll('a', rows.get('cast')!).map((a) => [text(a), a.properties.href])).toEqual([['Harrison Ford', '/harrison-ford/']]);
    expect(selectAll('a', rows.get('sequel')!).map((a) => [text(a), a.properties.href])).toEqual([['The sequel', '/sequel/'], ['Prequel', '/stubs/prequel/']]);
    expect(select('a', rows.get('service')!)?.properties.href).toBe('/services/amazon-s3/');
  });

  it('counts them everywhere: backlinks with the property as excerpt, the stub, the hub and the local graph', async () => {
    expect(await backlinksOf('harrison-ford')).toEqual([
      ['A New Hope', 'cast: Mark Hamill, Harrison Ford'],
      ['Linker', 'See the actor, a part of the sequel and a note not written yet.'],
      ['Source', 'Not embedded: Harrison Ford.'],
    ]);
    expect(text(select('.passage-section .passage-page-title', await page('stubs/prequel')))).toBe('A New Hope');
    expect(selectAll('.passage-page-title', await page('services/amazon-s3')).map((a) => text(a))).toContain('A New Hope');
    expect(selectAll('.local-graph a', await page('harrison-ford')).map((a) => a.properties.href)).toContain('/hope/');
  });

  it('shows a book’s properties on its first page only', async () => {
    expect([...(await rowsOf('book')).keys()]).toEqual(['status', 'related']);
    expect(select('table.note-properties', await page('book/one'))).toBeUndefined();
    expect((await backlinksOf('sequel')).map(([from]) => from)).toEqual(['Book', 'A New Hope', 'A New Hope', 'Linker']);
  });
});

describe('every kind of link counts', () => {
  it('Markdown links to notes are backlinks and reach stubs', async () => {
    expect(text(select('.note-body a[href="/harrison-ford/"]', await page('reading/linker')))).toBe('the actor');
    expect(selectAll('.passage-page-title', await page('stubs/not-yet')).map((a) => text(a))).toEqual(['Linker']);
  });

  it('links in an embedded section count for the page that embeds it, with their own excerpt', async () => {
    const stub = await page('stubs/film-critic');
    expect(passagesIn(stub)).toEqual([
      ['Linker', 'A fact that names Film Critic, whom no note describes yet.'],
      ['Source', 'A fact that names Film Critic, whom no note describes yet.'],
    ]);
  });

  it('leaves no link broken', async () => {
    expect((await checkLinks(build.outDir)).broken).toEqual([]);
  });
});
