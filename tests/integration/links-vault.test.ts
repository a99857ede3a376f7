import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
const html = (page: string) => readFile(path.join(build.outDir, page, 'index.html'), 'utf8');

beforeAll(async () => {
  // A relative CONTENT_DIR is taken from the project root.
  build = await buildSite({ contentDir: 'tests/fixtures/links-vault' });
});

describe('building another vault with CONTENT_DIR', () => {
  it('succeeds and reports what it read and wrote', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('Quire: 10 notes read: 9 published, 1 private, 0 unreadable');
    expect(build.output).toMatch(/Home\.md:19 +\[\[Field Guid\]\]: no note named “Field Guid”.*did you mean “Field Guide”\?/);
    expect(build.output).toMatch(/Home\.md:12 +\[\[Note\]\]: 3 notes match/);
  });

  it('ships neither KaTeX’s stylesheet and fonts nor the diagram script, since no note has math or a diagram', async () => {
    const assets = await readdir(path.join(build.outDir, '_astro'));
    expect(assets.filter((file) => file.startsWith('KaTeX_'))).toEqual([]);
    const scripts = await Promise.all(assets.filter((file) => file.endsWith('.js')).map((file) => readFile(path.join(build.outDir, '_astro', file), 'utf8')));
    expect(scripts.some((text) => text.includes('mermaid'))).toBe(false);
    const styles = await Promise.all(assets.filter((file) => file.endsWith('.css')).map((file) => readFile(path.join(build.outDir, '_astro', file), 'utf8')));
    expect(styles.some((text) => text.includes('font-family:KaTeX_Main'))).toBe(false);
  });

  it('writes a page per note and per chapter, and none for private or hidden notes', async () => {
    for (const page of ['home', 'field-guide', 'field-guide/part-1-forests', 'field-guide/part-3-mountains', 'folder/note', 'other/note', 'deep/er/note', 'stubs/field-guid', 'tags/guides/basics']) {
      await expect(html(page), page).resolves.toContain('<html');
    }
    await expect(html('secret')).rejects.toThrow();
  });

  it('renders note links, stub links and private links as a reader should see them', async () => {
    const home = await html('home');
    expect(home).toContain('<a href="/field-guide/part-2-rivers-and-lakes/#salmon" class="internal">Field Guide > Salmon</a>');
    expect(home).toContain('<a href="/stubs/field-guid/" class="internal unresolved" title="No note yet">Field Guid</a>');
    expect(home).toContain('<li>Private: Secret</li>');
    expect(home).toContain('<title>Welcome · links-vault</title>');
  });

  it('compiles an MDX note with @astrojs/mdx, with the same links, tags and block ids', async () => {
    const mdx = await html('mdx/component-note');
    expect(mdx).toContain('<p>Written in 2020, it links to <a href="/field-guide/part-2-rivers-and-lakes/#salmon" class="internal">Field Guide &gt; Salmon</a>');
    expect(mdx).toContain('<a href="/stubs/field-guid/" class="internal unresolved" title="No note yet">Field Guid</a>');
    expect(mdx).toContain('<a href="/tags/from-mdx/" class="tag">#from-mdx</a>, and hides Secret.');
    expect(mdx).toContain('<p id="^mdx-block">A block to link to.</p>');
  });

  it('shows backlinks with the linking page, its section and an excerpt', async () => {
    const chapter = await html('field-guide/part-2-rivers-and-lakes');
    const backlinks = chapter.slice(chapter.indexOf('class="backlinks"'));
    expect(backlinks).toContain('<a class="passage-page-title" href="/field-guide/part-1-forests/">Part 1: Forests</a>');
    expect(backlinks).toContain('<a class="passage-place" href="/field-guide/part-1-forests/#trees">Trees</a>');
    expect(backlinks).toContain('Heading inside a chapter: Field Guide &gt; Salmon');
  });

  it('has no broken internal link or fragment', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
    expect(report.fragments).toBeGreaterThan(10);
  });

  it('never writes a private note’s or a dot-folder’s text', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = await readdir(build.outDir, { recursive: true, withFileTypes: true });
    const written = files.filter((f) => f.isFile() && /\.(html|json|js)$/.test(f.name));
    expect(written.length).toBeGreaterThan(15);
    for (const file of written) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect(text, file.name).not.toContain('SECRET-MARKER');
      expect(text, file.name).not.toContain('HIDDEN-MARKER');
    }
  });
});
