import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { everyFile } from '../helpers/site-files.ts';

/**
 * Strings that stand only in private notes, private folders, comments or
 * unreadable notes, and the addresses they would have. (What the public note
 * itself writes, like the words of `[[Secret Plans]]`, may show as its text.)
 */
const MARKERS = [
  'PRIVATE-MARKER-b2',
  'DRAFT-MARKER-e5',
  'FOLDER-MARKER-f6',
  'YAML-MARKER-g7',
  'COMMENT-MARKER-c3',
  'COMMENT-MARKER-d4',
  'Draft Title Marker',
  'secret-tag-marker',
  'diary-tag-marker',
  'comment-tag-marker',
  'Comment Link Target',
  'secret-plans',
  'draft-idea',
  'hidden-alias-marker',
  'Journal/photo',
  'Diary',
  'Bad YAML',
  'bad-yaml',
  'the launch is on Tuesday',
  'PRIVATE-HUB-MARKER',
  'SALARY-MARKER',
  'TWIN-MARKER',
  'Salary Review',
  'salary-review',
  'Archive/Twin',
];

let build: BuildResult;
beforeAll(async () => {
  build = await buildSite({ contentDir: 'tests/fixtures/private-vault', env: { QUIRE_PRIVATE_FOLDERS: 'Journal' } });
});


describe('what is private stays private', () => {
  it('builds, and reports the note whose properties do not parse', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/Bad YAML\.md:3 +Properties \(YAML frontmatter\) could not be read/);
    expect(build.output).toContain('Quire: 9 notes read: 2 published, 6 private, 1 unreadable');
  });

  it('leaves no trace of private notes, private folders or comments anywhere in the site, search index included', async () => {
    const files = await everyFile(build.outDir);
    expect(files.some((f) => f.name.startsWith('pagefind/fragment/'))).toBe(true);
    const hits = files.flatMap((file) =>
      MARKERS.filter((marker) => file.name.toLowerCase().includes(marker.toLowerCase()) || file.text.toLowerCase().includes(marker.toLowerCase())).map(
        (marker) => `${file.name}: ${marker}`,
      ),
    );
    expect(hits).toEqual([]);
  });

  it('shows links to private notes as plain text, and keeps the public text', async () => {
    const html = await readFile(path.join(build.outDir, 'public', 'index.html'), 'utf8');
    expect(html).toContain('This page is published.');
    expect(html).toContain('to a draft');
    expect(html).toContain('<code>%% literal %%</code>');
    expect(html).not.toMatch(/href="[^"]*secret/i);
    expect(html).not.toMatch(/href="[^"]*hidden-alias/i);
    expect(html).not.toMatch(/src="[^"]*photo/i);
  });

  it('gives a service its hub when the note named after it is private, whatever name the link uses', async () => {
    const html = await readFile(path.join(build.outDir, 'public', 'index.html'), 'utf8');
    expect(html).toContain('<a href="/services/amazon-s3/" class="internal service">Amazon S3</a>');
    expect(html).toContain('<a href="/services/amazon-s3/" class="internal service">S3</a>');
    expect(html).toContain('<a href="/notes/twin/" class="internal">Twin</a>');
  });

  it('never names a private note in the build log when it speaks of another note', () => {
    expect(build.output).toMatch(/Public\.md:\d+ +\[\[Salary Reviw\]\]: no note named “Salary Reviw”; it links to a stub page +\[unresolved-link\]/);
    expect(build.output).not.toContain('Salary Review');
    expect(build.output).not.toContain('Archive/Twin');
    expect(build.output).not.toContain('ambiguous-link');
  });

  it('keeps private passages off the service hub', async () => {
    const hub = await readFile(path.join(build.outDir, 'services', 'amazon-s3', 'index.html'), 'utf8');
    expect(hub).toContain('We use Amazon S3 here.');
    expect(hub).not.toContain('We store it all');
  });
});
