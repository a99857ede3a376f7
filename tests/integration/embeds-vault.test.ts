import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const page = async (slug: string) => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));

beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/embeds-vault' });
});

describe('embeds and attachments', () => {
  it('builds, reporting the missing file and the links that point outside the vault', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Embedder\.md:33 +!\[\[Nowhere\.png\]\]: no file named “Nowhere\.png”/);
    expect(build.output).toMatch(/Embedder\.md:33 +\[\[\.\.\/\.\.\/etc\/passwd\]\] points outside the vault/);
    expect(build.output).toMatch(/Embedder\.md:33 +\[\[\/etc\/hosts\]\] points outside the vault/);
  });

  it('embeds a whole note, a section down to the next heading of its level, and a block', async () => {
    const embeds = selectAll('.embed-note', await page('embedder'));
    expect(embeds.map((e) => toString(selectAll('.embed-title', e)[0]!))).toEqual(['Source', 'Source > Part A', 'Source > ^alpha-block']);
    const [whole, section, block] = embeds.map((e) => toString(selectAll('.embed-content', e)[0]!));
    expect(whole).toContain('Intro text of the source note.');
    expect(whole).toContain('Beta paragraph');
    expect(section).toContain('Detail under A.');
    expect(section).not.toContain('Beta paragraph');
    expect(block).toBe('Alpha paragraph.');
  });

  it('keeps links inside embedded text working, and counts embeds as links for backlinks', async () => {
    const embedder = await page('embedder');
    const inner = selectAll('.embed-content a', embedder).find((a) => toString(a) === 'Target Of Links');
    expect(inner?.properties.href).toBe('/target-of-links/');
    const source = await page('notes/source');
    expect(selectAll('.backlinks .passage-page-title', source).map((a) => toString(a))).toContain('Embedder');
  });

  it('stops a circular embed with a visible note instead of looping', async () => {
    const loopA = await page('loop-a');
    expect(toString(selectAll('.embed-loop', loopA)[0]!)).toContain('Loop A embeds itself again');
  });

  it('shows images, sized as written, a PDF with a link, and audio, all copied into the site', async () => {
    const embedder = await page('embedder');
    const images = selectAll('.note-body img', embedder).map((img) => [img.properties.src, img.properties.width ?? null, img.properties.height ?? null]);
    expect(images).toEqual(
      expect.arrayContaining([
        ['/attachments/Attachments/Figure%201.png', null, null],
        ['/attachments/Attachments/Figure%201.png', 120, null],
        ['/attachments/diagram.png', 80, 40],
      ]),
    );
    expect(selectAll('.embed-pdf iframe', embedder)[0]!.properties.src).toBe('/attachments/Attachments/Paper.pdf#page=2');
    expect(selectAll('audio', embedder)[0]!.properties.src).toBe('/attachments/Attachments/chime.wav');
    for (const file of ['Attachments/Figure 1.png', 'Attachments/Paper.pdf', 'Attachments/chime.wav', 'diagram.png']) {
      expect((await stat(path.join(build.outDir, 'attachments', file))).size).toBeGreaterThan(0);
    }
  });

  it('resolves Markdown-format links and images with vault paths, and never reaches outside', async () => {
    const embedder = await page('embedder');
    const links = Object.fromEntries(selectAll('.note-body a', embedder).map((a) => [toString(a), a.properties.href]));
    expect(links['the source']).toBe('/notes/source/#part-b');
    expect(links.relative).toBe('/target-of-links/');
    expect(links.escaping).toBeUndefined();
    const html = await readFile(path.join(build.outDir, 'embedder', 'index.html'), 'utf8');
    expect(html).not.toContain('etc/passwd"');
    expect(html).not.toContain('secret.md"');
  });

  it('has no broken link, image or frame', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });
});
