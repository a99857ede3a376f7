import { describe, expect, it } from 'vitest';
import { buildLinkIndex, resolveNote, type LinkableNote } from '../../src/vault/link-index.ts';
import { asVaultPath } from '../../src/vault/types.ts';

const note = (path: string, aliases: string[] = []): LinkableNote => ({ path: asVaultPath(path), aliases });
const index = buildLinkIndex([
  note('Home.md'),
  note('Amazon S3.md', ['S3', 'Simple Storage Service']),
  note('folder/Note.md'),
  note('other/Note.md'),
  note('deep/er/Note.md'),
  note('Topic Notes/MLOps/Pipelines.md'),
  note('Ünïcödé Notes 🚀.md'),
  note('A & B (draft).md'),
  note('Shared.md', ['Twin']),
  note('x/Twin.md'),
]);

const resolved = (link: string, from = 'Home.md') => {
  const result = resolveNote(index, link, asVaultPath(from));
  return result.found ? result.note.path : undefined;
};

describe('resolveNote', () => {
  it.each([
    // [link, linking note, expected note]
    ['Home', 'x.md', 'Home.md'],
    ['home', 'x.md', 'Home.md'],
    ['HOME.md', 'x.md', 'Home.md'],
    ['Amazon S3', 'x.md', 'Amazon S3.md'],
    ['S3', 'x.md', 'Amazon S3.md'],
    ['simple storage service', 'x.md', 'Amazon S3.md'],
    ['folder/Note', 'Home.md', 'folder/Note.md'],
    ['Folder/note.md', 'Home.md', 'folder/Note.md'],
    ['er/Note', 'Home.md', 'deep/er/Note.md'],
    ['Note', 'folder/Linker.md', 'folder/Note.md'],
    ['Note', 'deep/er/Other.md', 'deep/er/Note.md'],
    ['Note', 'Home.md', 'other/Note.md'],
    ['Pipelines', 'Home.md', 'Topic Notes/MLOps/Pipelines.md'],
    ['Topic Notes/MLOps/Pipelines', 'Home.md', 'Topic Notes/MLOps/Pipelines.md'],
    ['ünïcödé notes 🚀', 'Home.md', 'Ünïcödé Notes 🚀.md'],
    ['A & B (draft)', 'Home.md', 'A & B (draft).md'],
    // A file name wins over another note's alias.
    ['Twin', 'Home.md', 'x/Twin.md'],
  ])('[[%s]] from %s → %s', (link, from, expected) => {
    expect(resolved(link, from)).toBe(expected);
  });

  it.each([['Missing'], ['Topic Notes/Elsewhere/Pipelines'], ['other/Home'], ['']])('[[%s]] resolves to nothing', (link) => {
    expect(resolved(link)).toBeUndefined();
  });

  it('reports every candidate of an ambiguous name', () => {
    const result = resolveNote(index, 'Note', asVaultPath('Home.md'));
    expect(result.found && result.ambiguous?.map((n) => n.path).sort()).toEqual(['deep/er/Note.md', 'folder/Note.md', 'other/Note.md']);
  });

  it('does not call an exact path ambiguous', () => {
    const result = resolveNote(index, 'folder/Note', asVaultPath('Home.md'));
    expect(result.found && result.ambiguous).toBeUndefined();
  });
});
