import { describe, expect, it } from 'vitest';
import { outputFileKeys, pageCacheKeys } from '../../src/site/cache-keys.ts';
import { buildVault, type VaultFiles } from '../../src/vault/index.ts';

const CATALOG = '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://docs.aws.amazon.com/s3/\n';

function vault(notes: Record<string, string>) {
  const files: VaultFiles = {
    notes: Object.entries(notes).map(([path, text]) => ({ path: path as never, text })),
    unreadable: [],
    catalog: { path: 'services.yaml' as never, text: CATALOG },
  };
  return buildVault(files, {});
}

const NOTES = {
  'Lakes/Ingest.md': '# Ingest\n\nData lands in [[Amazon S3]].\n',
  'Lakes/Query.md': '# Query\n\nQueries read what [[Ingest]] wrote.\n',
  'Other/Unrelated.md': '# Unrelated\n\nNothing about storage.\n',
  'Other/Neighbour.md': '# Neighbour\n\nSee [[Unrelated]].\n',
};

/** The pages whose key differs between two models of the vault: what an incremental build renders again. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  const [a, b] = [pageCacheKeys(vault(before)), pageCacheKeys(vault(after))];
  return [...b.keys()].filter((slug) => a.get(slug) !== b.get(slug)).sort();
}

describe('the cache key of each page', () => {
  it('stays the same when nothing changed', () => {
    expect(changed(NOTES, NOTES)).toEqual([]);
  });

  it('changes for the edited page and the pages that show it, and no other', () => {
    const edited = { ...NOTES, 'Lakes/Query.md': `${NOTES['Lakes/Query.md']}\nIt also reads [[Amazon S3]] directly.\n` };
    // Query itself; the S3 hub, which lists the new passage; Ingest, whose local graph draws Query and the hub larger now that each has one more link.
    expect(changed(NOTES, edited)).toEqual(['lakes/ingest', 'lakes/query', 'services/amazon-s3']);
  });

  it('changes for every page of a folder when a note of it is renamed, since their sidebar lists it', () => {
    const renamed = { ...NOTES, 'Other/Unrelated.md': '---\ntitle: Something Else\n---\n# Unrelated\n\nNothing about storage.\n' };
    const keys = changed(NOTES, renamed);
    expect(keys).toEqual(expect.arrayContaining(['other/neighbour', 'other/unrelated', 'folders/other']));
    expect(keys).not.toContain('lakes/ingest');
  });
});

describe('the cache key of a page that shows only the start of a long list', () => {
  const pad = (i: number) => String(i).padStart(2, '0');
  /** Seventy notes that each link to the S3 hub and to Target: more passages than either page lists. */
  const linking = (edit?: { note: number; text: string }) => {
    const notes: Record<string, string> = { 'Target.md': '# Target\n\nWhat the others point at.\n' };
    for (let i = 1; i <= 70; i++) notes[`Notes/Note ${pad(i)}.md`] = `# Note ${pad(i)}\n\n${edit?.note === i ? edit.text : `Passage ${i} puts data in`} [[Amazon S3]] for [[Target]].\n`;
    return notes;
  };

  it('is not changed by a passage the page does not show, whose list page shows it', () => {
    const keys = changed(linking(), linking({ note: 65, text: 'Reworded passage sixty-five puts data in' }));
    expect(keys).toContain('notes/note-65');
    expect(keys.some((slug) => slug.startsWith('services/amazon-s3/'))).toBe(true);
    expect(keys.some((slug) => slug.startsWith('target/linked-from'))).toBe(true);
    expect(keys).not.toContain('services/amazon-s3');
    expect(keys).not.toContain('target');
  });

  it('is changed by a passage the page shows', () => {
    const keys = changed(linking(), linking({ note: 2, text: 'Reworded passage two puts data in' }));
    expect(keys).toEqual(expect.arrayContaining(['notes/note-02', 'services/amazon-s3', 'target']));
  });

  it('is changed when the list grows, since the page counts it', () => {
    const more = { ...linking(), 'Notes/Note 71.md': '# Note 71\n\nPassage 71 puts data in [[Amazon S3]] for [[Target]].\n' };
    expect(changed(linking(), more)).toEqual(expect.arrayContaining(['services/amazon-s3', 'target']));
  });
});

describe('the files a build may take unchanged from the last site', () => {
  const built = vault({
    ...NOTES,
    'Lakes/Ingest.md': '---\naliases: [Landing]\n---\n# Ingest\n\nData lands in [[Amazon S3]].\n',
    'Lakes/Widget.mdx': '# Widget\n\nAn MDX note about [[Ingest]].\n',
  });
  const files = outputFileKeys(built);

  it('names each page and each redirect by the file it is written to', () => {
    expect(files.has('lakes/ingest/index.html')).toBe(true);
    expect(files.has('services/amazon-s3/index.html')).toBe(true);
    expect(files.has('landing/index.html')).toBe(true);
  });

  it('leaves out a page that shows an MDX note, which Astro compiles at every build', () => {
    expect(pageCacheKeys(built).has('lakes/widget' as never)).toBe(true);
    expect(files.has('lakes/widget/index.html')).toBe(false);
    expect([...files.keys()].filter((file) => file.includes('widget'))).toEqual([]);
  });
});
