import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { readSettings } from '../../src/site/settings.ts';
import { buildVault, type NotePage, type SourceFile, type StubPage, type VaultFiles } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const vaultOf = (...notes: SourceFile[]): VaultFiles => ({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [] });

const movie = note(
  'Movie.md',
  [
    '---',
    'title: A New Hope',
    'year: 1977',
    'rating: 8.6',
    'favorite: true',
    'seen: false',
    'cast:',
    '  - Mark Hamill',
    '  - "[[Harrison Ford]]"',
    'sequel: "[[Sequel|The sequel]] and [[Prequel]]"',
    'released: 1977-05-25',
    'premiere: 1977-05-25T19:30:00',
    'website: https://example.com/hope',
    'notes:',
    'crew: []',
    'nested:',
    '  director: Lucas',
    'aliases: [Star Wars, Episode IV]',
    'tags: [film]',
    'cssclasses: [wide]',
    'publish: true',
    'permalink: hope',
    'date: 2020-01-02',
    '---',
    'The film, with [[Sequel]] in its text too.',
    '',
  ].join('\n'),
);
const files = vaultOf(movie, note('Harrison Ford.md', 'An actor.\n'), note('Sequel.md', 'The next one.\n'));

describe('properties', () => {
  it('are shown above the text with Obsidian’s types, Quire’s own keys left out', () => {
    const page = buildVault(files).bySlug.get('hope' as never) as NotePage;
    expect(page.properties.map((p) => [p.key, p.value.type])).toEqual([
      ['year', 'number'],
      ['rating', 'number'],
      ['favorite', 'checkbox'],
      ['seen', 'checkbox'],
      ['cast', 'list'],
      ['sequel', 'text'],
      ['released', 'date'],
      ['premiere', 'datetime'],
      ['website', 'url'],
      ['notes', 'empty'],
      ['crew', 'empty'],
      ['nested', 'object'],
      ['aliases', 'list'],
    ]);
    const byKey = Object.fromEntries(page.properties.map((p) => [p.key, p.value]));
    expect(byKey.cast).toEqual({
      type: 'list',
      items: [
        { type: 'text', text: [{ text: 'Mark Hamill' }] },
        { type: 'text', text: [{ text: 'Harrison Ford', link: { kind: 'link', href: '/harrison-ford/', className: ['internal'] } }] },
      ],
    });
    expect(byKey.sequel).toEqual({
      type: 'text',
      text: [
        { text: 'The sequel', link: { kind: 'link', href: '/sequel/', className: ['internal'] } },
        { text: ' and ' },
        { text: 'Prequel', link: { kind: 'link', href: '/stubs/prequel/', className: ['internal', 'unresolved'], title: 'No note yet' } },
      ],
    });
    expect([byKey.released, byKey.premiere, byKey.favorite, byKey.rating]).toEqual([
      { type: 'date', date: '1977-05-25' },
      { type: 'datetime', datetime: '1977-05-25T19:30:00' },
      { type: 'checkbox', checked: true },
      { type: 'number', value: 8.6 },
    ]);
  });

  it('hold links that count everywhere: backlinks with the property as excerpt, stubs, the graph', () => {
    const vault = buildVault(files);
    const ford = vault.bySlug.get('harrison-ford' as never) as NotePage;
    expect(ford.backlinks.map((b) => [b.from.title, b.excerpt, b.line, b.href])).toEqual([['A New Hope', 'cast: Mark Hamill, Harrison Ford', 9, '/hope/']]);
    expect((vault.bySlug.get('sequel' as never) as NotePage).backlinks.map((b) => b.excerpt)).toEqual(['sequel: The sequel and Prequel', 'The film, with Sequel in its text too.']);
    expect((vault.bySlug.get('stubs/prequel' as never) as StubPage).sections[0]!.backlinks.map((b) => b.from.title)).toEqual(['A New Hope']);
    expect(buildGraph(vault).edges.map((e) => `${e.source} → ${e.target}`)).toEqual(['hope → harrison-ford', 'hope → sequel', 'hope → stubs/prequel']);
    expect(vault.problems).toEqual([expect.objectContaining({ rule: 'unresolved-link', line: 10, message: expect.stringContaining('[[Prequel]]') })]);
  });

  it('are hidden with showProperties: false, their links still counted', () => {
    const vault = buildVault(files, { showProperties: false });
    expect((vault.bySlug.get('hope' as never) as NotePage).properties).toEqual([]);
    expect((vault.bySlug.get('harrison-ford' as never) as NotePage).backlinks.map((b) => b.from.title)).toEqual(['A New Hope']);
  });

  it('show on a book’s first page only', () => {
    const vault = buildVault(vaultOf(note('Book.md', '---\nstatus: draft\nbook: true\n---\n# One\n\nA.\n\n# Two\n\nB.\n')));
    expect((vault.bySlug.get('book' as never) as NotePage).properties).toEqual([{ key: 'status', value: { type: 'text', text: [{ text: 'draft' }] } }]);
    expect((vault.bySlug.get('book/one' as never) as NotePage).properties).toEqual([]);
  });

  it('are turned off in the site’s settings by showProperties: false or QUIRE_SHOW_PROPERTIES=0', () => {
    expect(readSettings('/project', {}, {}).showProperties).toBe(true);
    expect(readSettings('/project', { showProperties: false }, {}).showProperties).toBe(false);
    expect(readSettings('/project', {}, { QUIRE_SHOW_PROPERTIES: '0' }).showProperties).toBe(false);
  });
});
