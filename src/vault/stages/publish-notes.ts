import { stringList } from '../prepare/frontmatter.ts';
import { prepareFile } from '../prepare/prepare-file.ts';
import type { PrepareContext, PreparedFile } from '../prepare/types.ts';
import type { Problem, VaultFiles } from '../types.ts';
import type { PublishedNotes, ReadableFile } from './types.ts';

/** What was wrong with the files themselves: text that is not UTF-8, files that could not be read. */
function fileProblems(files: VaultFiles): Problem[] {
  const problems: Problem[] = [];
  for (const file of files.notes) {
    if (file.invalidUtf8) {
      problems.push({
        rule: 'invalid-utf8',
        file: file.path,
        message: 'Is not valid UTF-8 text; the bytes that could not be read show as “�”',
        hint: 'save the note as UTF-8',
        severity: 'warning',
      });
    }
  }
  for (const file of files.unreadable) {
    const binary = file.reason.startsWith('a binary');
    problems.push({
      rule: 'unreadable-file',
      file: file.path,
      message: `Could not be read: ${file.reason}; it is not published`,
      hint: binary ? 'rename it, or move it out of the vault' : file.reason.startsWith('it is a link') ? 'fix or remove the link' : 'check that the file can be read by the user running the build',
      severity: 'error',
    });
  }
  // What reading the vault left out: links to outside it, attachments that are not what their names say.
  problems.push(...(files.problems ?? []));
  return problems;
}

/**
 * Every note read, properties first, since they decide whether it is
 * published. Each is prepared on its own (parts, heading ids, tags, links):
 * here, or, for a large vault, earlier in worker threads or from a cache.
 */
export function publishNotes(files: VaultFiles, context: PrepareContext, preparedFiles?: readonly PreparedFile[]): PublishedNotes {
  const read =
    preparedFiles && preparedFiles.length === files.notes.length && preparedFiles.every((file, i) => file.path === files.notes[i]!.path)
      ? preparedFiles
      : files.notes.map((file) => prepareFile(file, context));
  const readable = read.filter((note): note is ReadableFile => note.ok);
  const published = readable.filter((note) => note.published);
  const linkable = [
    ...published.map((file) => ({ path: file.path, aliases: file.note!.aliases, published: true })),
    ...readable.filter((note) => !note.published).map((note) => ({ path: note.path, aliases: stringList(note.frontmatter.aliases ?? note.frontmatter.alias), published: false })),
    ...read.filter((note) => !note.ok).map((note) => ({ path: note.path, aliases: [], published: false })),
  ];
  const problems = fileProblems(files);
  for (const note of read) problems.push(...(note.ok ? (note.problems ?? []) : [note.problem]));
  return {
    read,
    published,
    linkable,
    counts: {
      read: files.notes.length + files.unreadable.length,
      published: published.length,
      private: readable.length - published.length,
      unreadable: read.length - readable.length + files.unreadable.length,
    },
    problems,
  };
}
