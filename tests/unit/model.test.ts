import { beforeAll, describe, expect, it } from 'vitest';
import type { Vault } from '../../src/vault/index.ts';
import { fixture, linksIn, notePage, page, stubPage, tagPage, vaultOf } from '../helpers/fixtures.ts';

let vault: Vault;
beforeAll(async () => {
  vault = await vaultOf(fixture('links-vault'));
});

const linkShowing = (html: string, text: string) => linksIn(html).find((link) => link.text === text);

describe('the vault model of the links fixture', () => {
  it('publishes every note once, and skips dot-folders and private notes', () => {
    const sources = vault.pages.flatMap((p) => ('source' in p ? [p.source] : []));
    expect(new Set(sources)).toEqual(
      new Set(['Home.md', 'Field Guide.md', 'folder/Note.md', 'other/Note.md', 'deep/er/Note.md', 'folder/Linker.md', 'Aliased.md', 'Blocks.md', 'mdx/Component Note.mdx']),
    );
    expect(vault.stats).toMatchObject({ notesRead: 10, notesPublished: 9, notesPrivate: 1, notesUnreadable: 0 });
    expect(JSON.stringify(vault.pages)).not.toContain('SECRET-MARKER');
    expect(JSON.stringify(vault.pages)).not.toContain('HIDDEN-MARKER');
  });

  it('uses the title property and lower-case slugs', () => {
    expect(notePage(vault, 'home').title).toBe('Welcome');
    expect(notePage(vault, 'deep/er/note').title).toBe('Note');
  });

  it('resolves each kind of link where Obsidian would', () => {
    const html = notePage(vault, 'home').html;
    expect(linkShowing(html, 'Field Guide')?.href).toBe('/field-guide/');
    expect(linkShowing(html, 'the guide')?.href).toBe('/field-guide/');
    expect(linkShowing(html, 'Field Guide > Part 2 Rivers and Lakes')?.href).toBe('/field-guide/part-2-rivers-and-lakes/');
    expect(linkShowing(html, 'Field Guide > Salmon')?.href).toBe('/field-guide/part-2-rivers-and-lakes/#salmon');
    expect(linkShowing(html, 'Note')?.href).toBe('/other/note/');
    expect(linkShowing(html, 'other/Note')?.href).toBe('/other/note/');
    expect(linkShowing(html, 'Aliased')?.href).toBe('/aliased/');
    expect(linkShowing(html, 'Also Known As')?.href).toBe('/aliased/');
    expect(linkShowing(html, 'field guide')?.href).toBe('/field-guide/');
    expect(linkShowing(html, 'Blocks > ^key-fact')?.href).toBe('/blocks/#%5Ekey-fact');
    expect(linkShowing(html, 'Repeated')?.href).toBe('/home/#repeated');
    expect(linkShowing(html, 'Home > Repeated > Deeper')?.href).toBe('/home/#deeper');
  });

  it('links a missing note to its stub page, styled apart', () => {
    const link = linkShowing(notePage(vault, 'home').html, 'Field Guid');
    expect(link).toMatchObject({ href: '/stubs/field-guid/', className: 'internal unresolved' });
    const stub = stubPage(vault, 'stubs/field-guid');
    expect(stub.sections[0]!.backlinks.map((b) => b.from.title)).toEqual(['Welcome', 'Component Note']);
  });

  it('shows a link to a private note as plain text', () => {
    const html = notePage(vault, 'home').html;
    expect(html).toContain('<li>Private: Secret</li>');
    expect(linkShowing(html, 'Secret')).toBeUndefined();
  });

  it('sends a link to a missing heading to the note and reports it with a suggestion', () => {
    expect(linkShowing(notePage(vault, 'home').html, 'Field Guide > Moutains')?.href).toBe('/field-guide/');
    const problem = vault.problems.find((p) => p.rule === 'missing-heading');
    expect(problem).toMatchObject({ file: 'Home.md', line: 20, hint: 'did you mean “Part 3: Mountains”?' });
  });

  it('reports an unresolved link with file, line and a close name', () => {
    expect(vault.problems.find((p) => p.rule === 'unresolved-link')).toMatchObject({ file: 'Home.md', line: 19, hint: 'did you mean “Field Guide”?' });
  });

  it('reports ambiguous names and prefers the linking note’s folder', () => {
    const ambiguous = vault.problems.filter((p) => p.rule === 'ambiguous-link');
    expect(ambiguous.map((p) => `${p.file}:${p.line}`)).toEqual(['Home.md:12', 'folder/Linker.md:1']);
    expect(linksIn(notePage(vault, 'folder/linker').html)[0]!.href).toBe('/folder/note/');
  });

  it('gives repeated headings -1, -2 ids, as GitHub does', () => {
    expect(notePage(vault, 'home').toc.map((t) => t.id)).toEqual(['repeated', 'repeated-1', 'deeper']);
  });

  it('keeps wiki-links and tags inside code literal', () => {
    const html = notePage(vault, 'home').html;
    expect(html).toContain('<code>[[Not A Link]]</code>');
    expect(html).toContain('<code>#not-a-tag</code>');
    expect(html).toContain('page#anchor and #1984.');
  });

  it('turns block markers into ids and removes them from the text', () => {
    const html = notePage(vault, 'blocks').html;
    expect(html).toContain('<p id="^key-fact">The key fact is here.</p>');
    expect(html).toContain('<li id="^item-two">second item</li>');
    expect(html).toContain('<table id="^the-table">');
    expect(html).not.toContain('^the-table</p>');
  });

  it('reads an MDX note’s links, headings and blocks, whole and never split', () => {
    const mdx = notePage(vault, 'mdx/component-note');
    expect(mdx.format).toBe('mdx');
    expect(mdx.toc.map((t) => t.id)).toEqual(['an-mdx-note', 'its-own-section']);
    expect(mdx.links.map((l) => (l.kind === 'link' ? l.href : 'text'))).toEqual(['/field-guide/part-2-rivers-and-lakes/#salmon', '/stubs/field-guid/', 'text']);
    const html = notePage(vault, 'blocks').html;
    expect(linkShowing(html, 'Component Note > Its own section')?.href).toBe('/mdx/component-note/#its-own-section');
    expect(linkShowing(html, 'Component Note > ^mdx-block')?.href).toBe('/mdx/component-note/#%5Emdx-block');
  });

  it('reads a wiki-link with an escaped divider inside a table', () => {
    expect(linkShowing(notePage(vault, 'blocks').html, 'home')?.href).toBe('/home/');
  });
});

describe('books', () => {
  it('splits a note with several H1s into a landing page and one page per chapter', () => {
    const book = vault.books.find((b) => b.slug === 'field-guide')!;
    expect(book.chapters.map((c) => [c.title, c.slug])).toEqual([
      ['Part 1: Forests', 'field-guide/part-1-forests'],
      ['Part 2: Rivers and Lakes', 'field-guide/part-2-rivers-and-lakes'],
      ['Part 3: Mountains', 'field-guide/part-3-mountains'],
    ]);
    const landing = notePage(vault, 'field-guide');
    expect(landing.kind).toBe('book');
    expect(landing.html).toContain('A guide in three parts.');
    expect(landing.html).not.toContain('Forests');
    expect(landing.chapters![1]!.sections.map((s) => s.href)).toEqual([
      '/field-guide/part-2-rivers-and-lakes/#salmon',
      '/field-guide/part-2-rivers-and-lakes/#lakes',
    ]);
  });

  it('links chapters in order and knows each one’s place', () => {
    const second = notePage(vault, 'field-guide/part-2-rivers-and-lakes');
    expect(second.chapter).toMatchObject({ number: 2, of: 3, previous: { title: 'Part 1: Forests' }, next: { title: 'Part 3: Mountains' } });
    expect(notePage(vault, 'field-guide/part-1-forests').chapter?.previous).toBeUndefined();
    expect(notePage(vault, 'field-guide/part-3-mountains').chapter?.next).toBeUndefined();
  });

  it('resolves a same-note heading link across chapters to the chapter that holds it', () => {
    const html = notePage(vault, 'field-guide/part-1-forests').html;
    expect(linkShowing(html, 'Lakes')?.href).toBe('/field-guide/part-2-rivers-and-lakes/#lakes');
    expect(linkShowing(html, 'the mountains')?.href).toBe('/field-guide/part-3-mountains/');
  });

  it('keeps a note with book: false whole', async () => {
    const { buildVault } = await import('../../src/vault/index.ts');
    const text = '---\nbook: false\n---\n# One\n\n# Two\n';
    const single = buildVault({ notes: [{ path: 'Essay.md' as never, text }], unreadable: [] });
    expect(single.pages.filter((p) => p.kind !== 'folder').map((p) => p.slug)).toEqual(['essay']);
  });
});

describe('backlinks', () => {
  it('lists each passage that links to a page, with its heading trail and an excerpt', () => {
    const chapter = notePage(vault, 'field-guide/part-2-rivers-and-lakes');
    const fromHome = chapter.backlinks.filter((b) => b.from.title === 'Welcome');
    expect(fromHome.map((b) => b.excerpt)).toEqual([
      'Chapter by its heading, colon dropped: Field Guide > Part 2 Rivers and Lakes',
      'Heading inside a chapter: Field Guide > Salmon',
      'Shown as Obsidian shows it: Field Guide > Lakes',
    ]);
    expect(fromHome[0]).toMatchObject({ href: '/home/', file: 'Home.md', line: 9 });
    const fromChapterOne = chapter.backlinks.find((b) => b.from.title === 'Part 1: Forests')!;
    expect(fromChapterOne.trail).toEqual(['Part 1: Forests', 'Trees']);
    expect(fromChapterOne.href).toBe('/field-guide/part-1-forests/#trees');
  });

  it('does not list a page among its own backlinks', () => {
    expect(notePage(vault, 'home').backlinks.map((b) => b.from.title)).toEqual(['Blocks', 'Part 2: Rivers and Lakes']);
  });

  it('leaves links from private notes out', () => {
    expect(vault.pages.flatMap((p) => p.backlinks).some((b) => b.file === 'Secret.md')).toBe(false);
  });
});

describe('tags', () => {
  it('gathers inline and property tags, case-insensitively, with parents for nested tags', () => {
    expect(vault.tags.map((t) => t.tag)).toEqual(['from-mdx', 'guides', 'linking', 'mdx', 'outdoors', 'start']);
    expect(tagPage(vault, 'tags/guides').children.map((c) => c.tag)).toEqual(['guides/basics']);
    expect(tagPage(vault, 'tags/guides').pages.map((p) => p.title)).toEqual(['Welcome']);
    expect(tagPage(vault, 'tags/outdoors').pages.map((p) => p.slug)).toEqual(['field-guide']);
    expect(page(vault, 'tags/guides/basics').title).toBe('#guides/basics');
  });
});

describe('HTML written in notes', () => {
  const note = { path: 'Page.md' as never, text: 'Text <b>bold</b> <img src="https://example.com/x.png" onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">x</a>\n' };

  it('is sanitised by default, as Obsidian does', async () => {
    const { buildVault } = await import('../../src/vault/index.ts');
    const html = (buildVault({ notes: [note], unreadable: [] }).bySlug.get('page' as never) as import('../../src/vault/index.ts').NotePage).html;
    expect(html).toContain('<b>bold</b>');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });

  it('cannot give the page a class the site uses for itself through cssclasses', async () => {
    const { buildVault } = await import('../../src/vault/index.ts');
    const styled = { path: 'Styled.md' as never, text: '---\ncssclasses: [wide-page, nav-open, js, preview, sidebar]\n---\n# Styled\n' };
    const page = buildVault({ notes: [styled], unreadable: [] }).bySlug.get('styled' as never) as import('../../src/vault/index.ts').NotePage;
    expect(page.cssClasses).toEqual(['wide-page']);
  });

  it('is published as written when the site allows raw HTML', async () => {
    const { buildVault } = await import('../../src/vault/index.ts');
    const html = (buildVault({ notes: [note], unreadable: [] }, { allowRawHtml: true }).bySlug.get('page' as never) as import('../../src/vault/index.ts').NotePage).html;
    expect(html).toContain('<script>alert(2)</script>');
    expect(html).toContain('onerror="alert(1)"');
  });
});
