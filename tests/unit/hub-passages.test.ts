import { describe, expect, it } from 'vitest';
import { buildVault, type ServicePage, type SourceFile, type StubPage, type Vault, type VaultFiles } from '../../src/vault/index.ts';

const note = (path: string, text: string): SourceFile => ({ path: path as never, text });
const catalog = note('services.yaml', '- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://aws.amazon.com/s3/\n');
const vaultOf = (...notes: SourceFile[]): Vault => buildVault({ notes: [...notes].sort((a, b) => (a.path < b.path ? -1 : 1)), unreadable: [], catalog } satisfies VaultFiles);
const hub = (vault: Vault) => vault.bySlug.get('services/amazon-s3' as never) as ServicePage;
const sectionOf = (page: ServicePage | StubPage, heading?: string) => page.sections.find((s) => s.heading === heading)!;
const texts = (passages: { excerpt: string }[]) => passages.map((p) => p.excerpt);

describe('the passages a hub gathers', () => {
  const vault = vaultOf(
    note('Guide.md', '# Guide\n\n## Buckets\n\nUse [[S3#Versioning]] and [[S3#Replication]] together.\n\nOnly [[S3#Replication]] here.\n\nS3 is named here, and [[S3]] linked too.\n\nJust S3, named.\n'),
    note('Other.md', 'More on [[Amazon S3#Versioning]].\n'),
  );

  it('lists each passage once: a link and a mention on one line are one passage', () => {
    const general = sectionOf(hub(vault));
    expect(texts(general.passages)).toEqual(['S3 is named here, and S3 linked too.', 'Just S3, named.']);
    expect(general.backlinks).toHaveLength(1);
  });

  it('lists a passage about two sub-features under the first, and the second says where it is', () => {
    const versioning = sectionOf(hub(vault), 'Versioning');
    const replication = sectionOf(hub(vault), 'Replication');
    expect(texts(versioning.passages)).toEqual(['Use S3 > Versioning and S3 > Replication together.', 'More on Amazon S3 > Versioning.']);
    expect(texts(replication.passages)).toEqual(['Only S3 > Replication here.']);
    expect(replication.listedUnder).toEqual([{ heading: 'Versioning', id: 'versioning' }]);
    expect(versioning.listedUnder).toEqual([]);
  });

  it('groups the passages of one page together, in the vault’s order', () => {
    const versioning = sectionOf(hub(vault), 'Versioning');
    expect(versioning.passages.map((p) => p.from.slug)).toEqual(['guide', 'other']);
  });

  it('counts on the hub what the services page counts', () => {
    const page = hub(vault);
    const listed = page.sections.reduce((n, s) => n + s.passages.length, 0);
    expect(page.passageCount).toBe(listed);
    expect(listed).toBe(5);
    expect(vault.services[0]!.services[0]!.passages).toBe(listed);
  });

  it('shows, for a link standing in a heading, the text of the section it opens, or of the section above when it has none', () => {
    const headings = vaultOf(note('Notes.md', '## Storage with [[S3]]\n\nBuckets hold objects,\nand keep them.\n\nMore.\n\n### [[S3#Versioning]]\n\n## Empty with [[S3#Lifecycle]]\n'));
    expect(texts(sectionOf(hub(headings)).passages)).toEqual(['Buckets hold objects, and keep them. · More.']);
    expect(sectionOf(hub(headings)).passages[0]!.trail).toEqual(['Storage with S3']);
    expect(texts(sectionOf(hub(headings), 'Versioning').passages)).toEqual(['Buckets hold objects, and keep them. · More.']);
    // Nothing under it and nothing above it: the heading itself is all there is to show.
    expect(texts(sectionOf(hub(headings), 'Lifecycle').passages)).toEqual(['Empty with S3 > Lifecycle']);
  });

  it('lists a stub’s passages once too, a passage about one of its headings under that heading', () => {
    const stubs = vaultOf(note('A.md', 'See [[Missing]] and [[Missing#Part]].\n\nAgain [[Missing#Part]].\n\nJust [[Missing]].\n'));
    const stub = stubs.bySlug.get('stubs/missing' as never) as StubPage;
    expect(texts(sectionOf(stub).passages)).toEqual(['Just Missing.']);
    expect(sectionOf(stub).listedUnder).toEqual([{ heading: 'Part', id: 'part' }]);
    expect(texts(sectionOf(stub, 'Part').passages)).toEqual(['See Missing and Missing > Part.', 'Again Missing > Part.']);
  });
});
