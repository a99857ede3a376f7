import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNoteCache } from '../../src/site/note-cache.ts';
import { buildVault, prepareContext, prepareFile, prepareInWorkers, readVault, type PreparedFile, type VaultFiles } from '../../src/vault/index.ts';
import { fixture } from '../helpers/fixtures.ts';

/** Everything a reader could see of a model: its pages as data. */
const pagesOf = (files: VaultFiles, prepared?: PreparedFile[]) => JSON.stringify(buildVault(files, { base: '/notes/' }, prepared).pages);

describe('notes prepared apart from the model', () => {
  it('give the same site whether prepared in the model, one by one, or in worker threads', async () => {
    for (const name of ['links-vault', 'embeds-vault', 'conformance-vault', 'services-vault']) {
      const files = await readVault(fixture(name));
      const context = prepareContext(files, { base: '/notes/' });
      const inModel = pagesOf(files);
      // Each note numbers its links from 0; the model numbers them across the vault, embeds included.
      expect(pagesOf(files, files.notes.map((file) => prepareFile(file, context))), name).toBe(inModel);
      const inWorkers = await prepareInWorkers(files.notes, context, 2);
      expect(pagesOf(files, inWorkers.prepared), name).toBe(inModel);
    }
  });

  it('split a note named like a service into chapters when another note is that service’s hub', async () => {
    const files: VaultFiles = {
      notes: [
        { path: 'Amazon S3.md' as never, text: '# Amazon S3\n\nBuckets.\n' },
        { path: 'S3 Book.md' as never, text: '---\naliases: [S3]\n---\n# Part one\n\nFirst.\n\n# Part two\n\nSecond, with [[Amazon S3]].\n' },
      ],
      unreadable: [],
      catalog: { path: 'services.yaml' as never, text: '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://docs.aws.amazon.com/s3/\n' },
    };
    const context = prepareContext(files);
    const prepared = files.notes.map((file) => prepareFile(file, context));
    expect(prepared.map((file) => file.ok && file.whole)).toEqual([true, true]);
    const vault = buildVault(files, {}, prepared);
    expect(vault.pages.map((page) => page.slug).sort()).toEqual(expect.arrayContaining(['services/amazon-s3', 's3-book', 's3-book/part-two']));
    expect(pagesOf(files, prepared)).toBe(pagesOf(files));
  });
});

describe('the cache of prepared notes', () => {
  it('finds a note again only while its text, its time and the settings are the same', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-cache-'));
    const vault = await mkdtemp(path.join(os.tmpdir(), 'quire-cache-vault-'));
    await writeFile(path.join(vault, 'Note.md'), '# Note\n\nAbout [[S3]].\n');
    const files = await readVault(vault);
    const note = files.notes[0]!;
    const context = prepareContext(files);
    const prepared = prepareFile(note, context);

    const first = (await openNoteCache(dir, context))!;
    expect(await first.get(first.keyOf(note))).toBeUndefined();
    await first.save(new Map([[first.keyOf(note), prepared]]));

    const second = (await openNoteCache(dir, context))!;
    expect(await second.get(second.keyOf(note))).toEqual(prepared);
    expect(second.keyOf({ ...note, text: `${note.text}One more line.\n` })).not.toBe(second.keyOf(note));
    expect(second.keyOf({ ...note, modified: new Date(0) })).not.toBe(second.keyOf(note));

    const otherBase = (await openNoteCache(dir, prepareContext(files, { base: '/notes/' })))!;
    expect(await otherBase.get(otherBase.keyOf(note))).toBeUndefined();
  });

  it('writes notes prepared in worker threads from the bytes they sent, and reads them back the same', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-cache-'));
    const files = await readVault(fixture('conformance-vault'));
    const context = prepareContext(files, { base: '/notes/' });
    const { prepared, serialized } = await prepareInWorkers(files.notes, context, 2);
    const first = (await openNoteCache(dir, context))!;
    const keys = files.notes.map((note) => first.keyOf(note));
    await first.save(new Map(keys.map((key, i) => [key, prepared[i]!])), new Map(keys.map((key, i) => [key, serialized[i]!])));

    const second = (await openNoteCache(dir, context))!;
    const read = await Promise.all(keys.map((key) => second.get(key)));
    expect(read).toEqual(prepared);
    expect(pagesOf(files, read as PreparedFile[])).toBe(pagesOf(files));
  });

  it('ignores a cache file it cannot read, and writes a new one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-cache-'));
    await writeFile(path.join(dir, 'quire-notes.bin'), 'not a cache of prepared notes');
    const files = await readVault(fixture('links-vault'));
    const context = prepareContext(files);
    const note = files.notes[0]!;
    const broken = (await openNoteCache(dir, context))!;
    expect(await broken.get(broken.keyOf(note))).toBeUndefined();
    const prepared = prepareFile(note, context);
    await broken.save(new Map([[broken.keyOf(note), prepared]]));
    const mended = (await openNoteCache(dir, context))!;
    expect(await mended.get(mended.keyOf(note))).toEqual(prepared);
  });

  it('leaves no partial file behind when the cache cannot be written, and the build goes on without it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'quire-cache-'));
    // A folder where the cache file would go: the write is renamed onto it and fails.
    await mkdir(path.join(dir, 'quire-notes.bin', 'in-the-way'), { recursive: true });
    const files = await readVault(fixture('links-vault'));
    const context = prepareContext(files);
    const note = files.notes[0]!;
    const cache = (await openNoteCache(dir, context))!;
    await expect(cache.save(new Map([[cache.keyOf(note), prepareFile(note, context)]]))).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['quire-notes.bin']);
    expect(await cache.get(cache.keyOf(note))).toBeUndefined();
  });
});
