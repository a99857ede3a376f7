import { describe, expect, it } from 'vitest';
import { buildVault, ModelMemo, prepareContext, prepareFile, readVault, type NotePage, type PreparedFile, type Slug, type SourceFile, type Vault, type VaultFiles } from '../../src/vault/index.ts';
import { fixture } from '../helpers/fixtures.ts';

/** Everything the site and the build report are made from. */
const modelOf = (vault: Vault) =>
  JSON.stringify(vault, (_key, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value));

/** A property added to a note's front matter, or front matter added with it. */
const withProperty = (text: string, property: string) => (text.startsWith('---\n') ? `---\n${property}\n${text.slice(4)}` : `---\n${property}\n---\n${text}`);

/**
 * Edits a writer makes to a note, each kept for the next: text, links to a note and to no note, a
 * heading, a service's name, a link changed, a link in a property and a permalink (the note moves), the
 * note made private (links to it become text), then all undone.
 */
const edits: ((text: string, other: string) => string)[] = [
  (text) => `${text}\n\nA new paragraph, written in the dev server.\n`,
  (text, other) => `${text}\n\nSee also [[${other}]] and [[${other}#Nowhere]].\n`,
  (text) => `${text}\n\nAnd [[No Such Note Yet]], which a later note may become.\n`,
  (text) => `${text}\n\n## A heading added later\n\nIt names Amazon S3 and AWS Glue.\n`,
  (text) => text.replace(/\[\[[^\]|#]+/, '[[Somewhere Else'),
  (text, other) => withProperty(text, `related: "[[${other}]]"\npermalink: moved/here`),
  (text) => withProperty(text, 'publish: false'),
];

describe('a model built again with what the last one left (astro dev)', () => {
  it('is the model built from nothing, after every kind of edit to every note', async () => {
    const vaults: [string, VaultFiles][] = [
      ...(await Promise.all(['links-vault', 'embeds-vault', 'conformance-vault', 'services-vault', 'properties-vault', 'permalinks-vault', 'help-vault', 'canvas-vault', 'bases-vault'].map(async (name) => [name, await readVault(fixture(name))] as [string, VaultFiles]))),
      // A Markdown link to a note the page neither embeds nor wiki-links: only the URL says what it depends on.
      [
        'markdown-urls',
        {
          notes: [
            { path: 'Page.md' as never, text: '# Page\n\n![[Shown]]\n\nRead [the details](Folder/Details.md#The%20Heading) and [the rest](Folder/Details.md).\n' },
            { path: 'Shown.md' as never, text: 'Embedded text.\n' },
            { path: 'Folder/Details.md' as never, text: '# Details\n\n## The Heading\n\nText.\n' },
          ],
          unreadable: [],
        },
      ],
    ];
    for (const [name, original] of vaults) {
      const context = prepareContext(original, { base: '/notes/' });
      const memo = new ModelMemo();
      let files: VaultFiles = original;
      let prepared: PreparedFile[] = files.notes.map((file) => prepareFile(file, context));
      buildVault(files, { base: '/notes/' }, prepared, memo);
      const noteNames = original.notes.map((note) => note.path.replace(/\.mdx?$/, ''));
      for (const [at, note] of original.notes.entries()) {
        const other = noteNames[(at + 1) % noteNames.length]!;
        let text = note.text;
        for (const [step, edit] of [...edits, () => note.text].entries()) {
          text = edit(text, other);
          const changed: SourceFile = { ...note, text };
          // As in the dev server: the changed note is prepared again, every other note is the same object as before.
          files = { ...files, notes: files.notes.map((file) => (file.path === note.path ? changed : file)) };
          prepared = prepared.map((file) => (file.path === note.path ? prepareFile(changed, context) : file));
          const reused = buildVault(files, { base: '/notes/' }, prepared, memo);
          const fresh = buildVault(files, { base: '/notes/' }, prepared);
          expect(modelOf(reused), `${name}: ${note.path}, edit ${step + 1}`).toBe(modelOf(fresh));
        }
      }
      // A note added under a name a broken link nearly spells, asked about before: "did you mean" now names it.
      const added: SourceFile = { path: 'No Such Note.md' as never, text: '# No Such Note\n\nNot [[No Such Note Yet]].\n' };
      files = { ...files, notes: [...files.notes, added] };
      prepared = [...prepared, prepareFile(added, context)];
      expect(modelOf(buildVault(files, { base: '/notes/' }, prepared, memo)), `${name}: a note added`).toBe(modelOf(buildVault(files, { base: '/notes/' }, prepared)));
    }
  });

  it('resolves an unchanged note\'s links again when the note they reach changes, or its address', () => {
    /** The linking note stays as it was while the other notes go through `versions`, each kept for the next. */
    const check = (linkerText: string, versions: Record<string, string>[]) => {
      const linker: SourceFile = { path: 'Linker.md' as never, text: linkerText };
      const filesOf = (version: Record<string, string>): VaultFiles => ({
        notes: [linker, ...Object.entries(version).map(([path, text]) => ({ path: path as never, text }))].sort((a, b) => (a.path < b.path ? -1 : 1)),
        unreadable: [],
      });
      const context = prepareContext(filesOf(versions[0]!), {});
      const memo = new ModelMemo();
      // As in the dev server: a note whose text is unchanged keeps its prepared object.
      const preparedBefore = new Map<string, PreparedFile>();
      const prepare = (file: SourceFile) => {
        const key = `${file.path}\0${file.text}`;
        if (!preparedBefore.has(key)) preparedBefore.set(key, prepareFile(file, context));
        return preparedBefore.get(key)!;
      };
      const linksSeen = new Set<string>();
      for (const [step, version] of versions.entries()) {
        const files = filesOf(version);
        const prepared = files.notes.map(prepare);
        const reused = buildVault(files, {}, prepared, memo);
        expect(modelOf(reused), `version ${step + 1}`).toBe(modelOf(buildVault(files, {}, prepared)));
        linksSeen.add(JSON.stringify((reused.bySlug.get('linker' as Slug) as NotePage).links));
      }
      // The links did change from version to version, so what the memo kept was put to the test.
      expect(linksSeen.size).toBe(versions.length);
    };
    // The note linked to gains and loses headings and blocks, becomes a book, gets an alias, then a permalink, goes private.
    check('See [[Target#Later]], [[Target#^para]], [[Target]] and [[Other Name]].\n', [
      { 'Target.md': 'Text.\n' },
      { 'Target.md': 'Text.\n\n## Later\n\nMore.\n' },
      { 'Target.md': 'Text. ^para\n\n## Later, renamed\n\nMore.\n' },
      { 'Target.md': '# Part One\n\nText. ^para\n\n# Part Two\n\n## Later\n\nMore.\n' },
      { 'Target.md': '---\naliases: [Other Name]\n---\n# Part One\n\nText.\n\n# Part Two\n\n## Later\n' },
      { 'Target.md': '---\naliases: [Other Name]\npermalink: elsewhere\n---\n# Part One\n\nText.\n\n# Part Two\n\n## Later\n' },
      { 'Target.md': '---\npublish: false\n---\nText.\n' },
    ]);
    // The note linked to is unchanged, but a chapter of another note takes its address.
    check('See [[Foo]].\n', [
      { 'A.md': 'Text.\n', 'A/Foo.md': 'Foo.\n' },
      { 'A.md': '---\nbook: true\n---\n# Intro\n\nText.\n\n# Foo\n\nA chapter.\n', 'A/Foo.md': 'Foo.\n' },
    ]);
  });
});
