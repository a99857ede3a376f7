import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const SITE = 'https://notes.example.org';
const html = (slug: string) => readFile(path.join(build.outDir, slug, 'index.html'), 'utf8');
const page = async (slug: string) => fromHtml(await html(slug));
const title = async (slug: string) => toString(select('h1', await page(slug))!);

/** Where a redirect page sends the reader, as its refresh, its canonical link and its visible link say. */
async function redirectOf(slug: string) {
  const tree = await page(slug);
  return {
    refresh: select('meta[http-equiv="refresh"]', tree)?.properties.content,
    canonical: select('link[rel="canonical"]', tree)?.properties.href,
    link: select('body a', tree)?.properties.href,
    layout: selectAll('.site-header, main', tree).length,
    indexed: selectAll('[data-pagefind-body]', tree).length,
  };
}

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/permalinks-vault', env: { SITE_URL: SITE } });
});

describe('permalinks', () => {
  it('builds, and reports each clash with what holds the address', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Collide B\.md:2 +Its permalink \/shared\/ is taken by Collide A\.md, so it is published at \/shared-2\/ .*\[slug-clash\]/);
    expect(build.output).toMatch(/Guide\.md +Its URL \/guide\/ is taken by Takes Guide\.md, so it is published at \/guide-2\/ .*\[slug-clash\]/);
    expect(build.output).toMatch(/Alias Clash\.md:2 +Its alias “Canvas” names \/canvas\/, which is taken by Canvas\.md: no redirect to \/alias-clash\/ is written there .*\[redirect-clash\]/);
    expect(build.output).toMatch(/Not An Address\.md:2 +Its permalink \/search\/ is one of the site’s own addresses; the note keeps the address its path gives it .*\[bad-permalink\]/);
  });

  it('publish each note at its permalink, whether it is the address its path gives or another', async () => {
    expect(await title('links')).toBe('Internal links');
    expect(await title('publish/permalinks')).toBe('Permalinks');
    expect(await title('canvas')).toBe('Canvas');
    expect(await title('manual')).toBe('Handbook');
    expect(toString(select('.note-body h1', await page('manual/two'))!)).toBe('Two');
    expect(await title('home')).toBe('Home');
  });

  it('send the address the path would give, old chapter addresses and aliases to the page, without JavaScript', async () => {
    const expected = (slug: string) => ({ refresh: `0; url=/${slug}/`, canonical: `${SITE}/${slug}/`, link: `/${slug}/`, layout: 0, indexed: 0 });
    expect(await redirectOf('linking-notes-and-files/internal-links')).toEqual(expected('links'));
    expect(await redirectOf('internal-link')).toEqual(expected('links'));
    expect(await redirectOf('link-to-blocks')).toEqual(expected('links'));
    expect(await redirectOf('linking-notes-and-files/old-internal-links')).toEqual(expected('links'));
    expect(await redirectOf('obsidian-publish/redirect-old-notes')).toEqual(expected('publish/permalinks'));
    expect(await redirectOf('handbook')).toEqual(expected('manual'));
    expect(await redirectOf('handbook/two')).toEqual(expected('manual/two'));
    expect(await redirectOf('older-name')).toEqual(expected('alias-clash'));
    expect(toString(select('body', await page('internal-link'))!)).toContain('This page has moved to Internal links.');
  });

  it('never write a redirect where a page is: two notes that want one address both get a page', async () => {
    // The alias "Canvas" of another note and the permalink equal to its own path leave the page as it is.
    expect(await redirectOf('canvas')).toMatchObject({ refresh: undefined, indexed: 1 });
    expect(await title('shared')).toBe('Collide A');
    expect(await title('shared-2')).toBe('Collide B');
    expect(await title('guide')).toBe('Takes Guide');
    expect(await title('guide-2')).toBe('Guide');
    expect(await redirectOf('collide-b')).toMatchObject({ link: '/shared-2/' });
    expect(await title('not-an-address')).toBe('Not An Address');
    expect(toString(select('title', await page('search'))!)).toMatch(/^Search/);
  });

  it('are what links, backlinks, the sitemap, the feed and search use', async () => {
    const home = await page('home');
    const hrefs = Object.fromEntries(selectAll('.note-body a', home).map((a) => [toString(a), a.properties.href]));
    expect(hrefs).toMatchObject({ 'Internal links': '/links/', 'internal links': '/links/', permalinks: '/publish/permalinks/', 'Handbook > Two': '/manual/two/', 'the second chapter': '/manual/two/', Guide: '/guide-2/' });
    const backlinks = select('.backlinks', await page('links'))!;
    expect(selectAll('.passage-page-title', backlinks).map((a) => [toString(a), a.properties.href])).toEqual([['Home', '/home/']]);
    expect(selectAll('.passage', backlinks)).toHaveLength(2);
    const sitemap = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}/links/</loc>`);
    expect(sitemap).not.toContain('internal-link');
    const rss = await readFile(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain(`<link>${SITE}/publish/permalinks/</link>`);
    expect(rss).not.toContain('obsidian-publish/');
    const fragments = await readdir(path.join(build.outDir, 'pagefind', 'fragment'));
    const urls = await Promise.all(fragments.map(async (file) => JSON.parse(gunzipSync(await readFile(path.join(build.outDir, 'pagefind', 'fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '')).url as string));
    expect(urls).toEqual(expect.arrayContaining(['/links/', '/publish/permalinks/', '/manual/two/']));
    expect(urls.filter((url) => /internal-link|handbook|obsidian-publish|older-name|collide-/.test(url))).toEqual([]);
  });

  it('leave no link broken, redirects included', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });
});
