import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

describe('a build that cannot go ahead', () => {
  it('names a missing content folder, without a stack trace', async () => {
    const build = await buildSite({ contentDir: '/no/such/vault' });
    expect(build.code).toBe(1);
    expect(build.output).toContain('The content folder /no/such/vault does not exist. Set CONTENT_DIR to your vault');
    expect(build.output).not.toMatch(/^\s+at /m);
  });

  it('fails in strict mode on the vault’s problems, listing each with its place', async () => {
    const build = await buildSite({ contentDir: 'tests/fixtures/links-vault', env: { QUIRE_STRICT: '1' } });
    expect(build.code).toBe(1);
    expect(build.output).toMatch(/Home\.md:19 +\[\[Field Guid\]\]: no note named “Field Guid”/);
    expect(build.output).toContain('Strict mode: 5 problem(s) in the vault');
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});

describe('a broken service catalog', () => {
  it('stops the build, naming the file, each entry, the field and the line', async () => {
    const build = await buildSite({ contentDir: 'tests/fixtures/bad-catalog-vault' });
    expect(build.code).toBe(1);
    expect(build.output).toContain('services.yaml:9  entry 2 (Amazon Simple Queue), field “category”: “Messaging” is not a category; use one of:');
    expect(build.output).toContain('services.yaml:7  entry 2 (Amazon Simple Queue): “S3” already names Amazon S3; a name or alias may belong to one service only');
    expect(build.output).toContain('services.yaml:13  entry 3, field “name”: is missing');
    expect(build.output).not.toMatch(/^\s+at /m);
  });
});

describe('a service catalog whose documentation link is not http(s)', () => {
  it('stops the build with bad-catalog, naming the entry, the field and the line, and writes no page', async () => {
    const vault = await mkdtemp(path.join(os.tmpdir(), 'quire-catalog-'));
    await writeFile(path.join(vault, 'Note.md'), '# Note\n\nAbout [[Amazon S3]].\n');
    await writeFile(
      path.join(vault, 'services.yaml'),
      '- name: Amazon S3\n  category: Storage\n  summary: Object storage.\n  docs: "javascript:fetch(\'/pwned/docs\')"\n',
    );
    const build = await buildSite({ contentDir: vault });
    expect(build.code).toBe(1);
    expect(build.output).toContain('services.yaml:4  entry 1 (Amazon S3), field “docs”: must be an http(s) URL (https://…), not “javascript:”  [bad-catalog]');
    expect(build.output).not.toMatch(/^\s+at /m);
    expect(await readdir(build.outDir)).toEqual([]);
  });
});
