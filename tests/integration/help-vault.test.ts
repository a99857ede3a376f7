import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

/** Pages written as Obsidian's own help is written: web embeds, block ids after embeds, images by their bare name, a chapter without a title. */
let build: BuildResult;
const page = async (slug: string) => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/help-vault' });
});

describe('web embeds', () => {
  it('build without a problem but the chapter heading left empty', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Book With A Gap\.md:10 +Chapter 2 starts with an empty heading; its page is called “Chapter 2”, at chapter-2 below the book .*\[empty-heading\]/);
    expect(build.output).toMatch(/Quire: 1 warning:/);
  });

  it('show a YouTube video as its privacy-enhanced player, lazy and sandboxed, with a plain link to the video', async () => {
    const body = select('.note-body', await page('embed-web-pages'))!;
    const frames = selectAll('.embed-youtube iframe', body);
    expect(frames.map((f) => f.properties.src)).toEqual([
      'https://www.youtube-nocookie.com/embed/NnTvZWp5Q7o',
      'https://www.youtube-nocookie.com/embed/NnTvZWp5Q7o?start=42',
      'https://www.youtube-nocookie.com/embed/NnTvZWp5Q7o',
    ]);
    for (const frame of frames) {
      expect(frame.properties.loading).toBe('lazy');
      expect(String(frame.properties.sandbox)).not.toContain('allow-top-navigation');
    }
    expect(selectAll('.embed-youtube a', body).map((a) => a.properties.href)).toEqual([
      'https://www.youtube.com/watch?v=NnTvZWp5Q7o',
      'https://www.youtube.com/watch?v=NnTvZWp5Q7o&t=42s',
      'https://www.youtube.com/watch?v=NnTvZWp5Q7o',
    ]);
    expect(selectAll('img', body)).toEqual([]);
    expect(select('a[href="https://twitter.com/obsdmd/status/1580548874246443010"]', body)).toMatchObject({ tagName: 'a' });
  });
});

describe('the smaller misses', () => {
  it('a block id after an image embed marks it, and embeds and links find it', async () => {
    const daily = await page('plugins/daily-notes');
    expect(select('[id="^daily-notes-date"]', daily)).toMatchObject({ tagName: 'img', properties: { src: '/attachments/Attachments/daily-notes-and-date-properties.png', width: 300 } });
    const properties = await page('editing-and-formatting/properties');
    expect(select('.embed-note .embed-content img', properties)?.properties.src).toBe('/attachments/Attachments/daily-notes-and-date-properties.png');
    const hrefs = Object.fromEntries(selectAll('.note-body p a', properties).map((a) => [toString(a), a.properties.href]));
    expect(hrefs).toMatchObject({
      'the date block': '/plugins/daily-notes/#%5Edaily-notes-date',
      'Embed web pages > ^video-block': '/embed-web-pages/#%5Evideo-block',
      'Embed web pages > ^frame-block': '/embed-web-pages/#%5Eframe-block',
    });
  });

  it('a block id after a video or a frame marks it', async () => {
    const embeds = await page('embed-web-pages');
    expect(select('[id="^video-block"]', embeds)?.properties.className).toEqual(['embed-web', 'embed-youtube']);
    expect(select('[id="^frame-block"]', embeds)?.tagName).toBe('div');
    expect(toString(select('.note-body', embeds)!)).not.toMatch(/\^(video|frame)-block/);
  });

  it('a Markdown image by its bare name is found where the vault keeps it', async () => {
    expect(select('.note-body img', await page('plugins/bases'))).toMatchObject({ properties: { src: '/attachments/Attachments/bases-noshadow.png', alt: 'A base without shadow' } });
    expect((await stat(path.join(build.outDir, 'attachments', 'Attachments', 'bases-noshadow.png'))).size).toBeGreaterThan(0);
  });

  it('a chapter whose heading is empty gets an address and a title of its own', async () => {
    const chapter = await page('book-with-a-gap/chapter-2');
    expect(toString(select('title', chapter)!)).toMatch(/^Chapter 2 · /);
    expect(toString(select('.note-body', chapter)!)).toContain('A chapter whose heading was left empty.');
    expect(toString(select('.chapter-place', await page('book-with-a-gap/three'))!)).toBe('Chapter 3 of 3');
  });

  it('leave no link, image or frame broken', async () => {
    expect((await checkLinks(build.outDir)).broken).toEqual([]);
  });
});
