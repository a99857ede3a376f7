import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildVault, readVault, rereadNotes } from '../../src/vault/index.ts';
import type { VaultPath } from '../../src/vault/types.ts';

/** The first bytes of a real PNG: a 1×1 image. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const SECRET = 'SECRET-OUTSIDE-THE-VAULT-7f3a';

let top: string;
let vault: string;
let elsewhere: string;

beforeEach(async () => {
  top = await mkdtemp(path.join(os.tmpdir(), 'quire-links-'));
  vault = path.join(top, 'vault');
  elsewhere = path.join(top, 'elsewhere');
  await mkdir(path.join(vault, 'Notes'), { recursive: true });
  await mkdir(path.join(elsewhere, 'folder'), { recursive: true });
  await writeFile(path.join(vault, 'Home.md'), '# Home\n\n[[Linked Secret]] and [[Real]].\n');
  await writeFile(path.join(vault, 'Notes', 'Real.md'), '# Real\n\nA real note.\n');
  await writeFile(path.join(elsewhere, 'secret.md'), `# Secret\n\n${SECRET}\n`);
  await writeFile(path.join(elsewhere, 'folder', 'Also Secret.md'), `# Also\n\n${SECRET}\n`);
  await writeFile(path.join(elsewhere, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET)]));
  await writeFile(path.join(elsewhere, 'services.yaml'), `- name: ${SECRET}\n  category: Storage\n  summary: s\n  docs: https://example.com/\n`);
});

const paths = (files: { path: string }[]) => files.map((file) => file.path);

describe('reading a vault with symbolic links', () => {
  it('never reads a file or folder whose real place is outside the vault, and reports each link by its path', async () => {
    await symlink(path.join(elsewhere, 'secret.md'), path.join(vault, 'Linked Secret.md'));
    await symlink(path.join(elsewhere, 'folder'), path.join(vault, 'Linked Folder'));
    await symlink(path.join(elsewhere, 'secret.png'), path.join(vault, 'leak.png'));
    await symlink('../../elsewhere/secret.md', path.join(vault, 'Notes', 'Relative.md'));
    await symlink(path.join(elsewhere, 'services.yaml'), path.join(vault, 'services.yaml'));
    const files = await readVault(vault);
    expect(paths(files.notes)).toEqual(['Home.md', 'Notes/Real.md']);
    expect(files.unreadable).toEqual([]);
    expect(files.attachments).toEqual([]);
    expect(files.catalog).toBeUndefined();
    expect(JSON.stringify(files)).not.toContain(SECRET);
    expect(files.problems?.map((p) => [p.rule, p.file])).toEqual([
      ['outside-vault', 'Linked Folder'],
      ['outside-vault', 'Linked Secret.md'],
      ['outside-vault', 'Notes/Relative.md'],
      ['outside-vault', 'leak.png'],
      ['outside-vault', 'services.yaml'],
    ]);
  });

  it('puts those links in the build report', async () => {
    await symlink(path.join(elsewhere, 'secret.md'), path.join(vault, 'Linked Secret.md'));
    const model = buildVault(await readVault(vault));
    expect(model.problems).toContainEqual(expect.objectContaining({ rule: 'outside-vault', file: 'Linked Secret.md', severity: 'warning' }));
    expect(model.stats.notesRead).toBe(2);
    expect(JSON.stringify(model)).not.toContain(SECRET);
  });

  it('follows a link that stays inside the vault, and lists a linked folder once, at its own place', async () => {
    await symlink(path.join(vault, 'Notes', 'Real.md'), path.join(vault, 'Inside.md'));
    await symlink(path.join(vault, 'Notes'), path.join(vault, 'Mirror'));
    await symlink(vault, path.join(vault, 'Notes', 'Loop'));
    await mkdir(path.join(top, 'vault-link-target'));
    const files = await readVault(vault);
    expect(paths(files.notes)).toEqual(['Home.md', 'Inside.md', 'Notes/Real.md']);
    expect(files.notes.find((note) => note.path === 'Inside.md')?.text).toBe('# Real\n\nA real note.\n');
    expect(files.problems).toBeUndefined();
  });

  it('reads a vault whose own folder is reached through a link', async () => {
    const linkToVault = path.join(top, 'vault-link');
    await symlink(vault, linkToVault);
    expect(paths((await readVault(linkToVault)).notes)).toEqual(['Home.md', 'Notes/Real.md']);
  });

  it('asks the dev server for a whole read when a note it knows becomes a link to outside the vault', async () => {
    const before = await readVault(vault);
    await rm(path.join(vault, 'Home.md'));
    await symlink(path.join(elsewhere, 'secret.md'), path.join(vault, 'Home.md'));
    await expect(rereadNotes(vault, before, ['Home.md' as VaultPath])).resolves.toBeUndefined();
  });
});

describe('reading a vault’s attachments', () => {
  it('keeps an attachment only when its first bytes are what its extension says, and reports the others', async () => {
    await writeFile(path.join(vault, 'real.png'), PNG);
    await writeFile(path.join(vault, 'page.png'), '<html><script>fetch("/pwned/png")</script></html>');
    await writeFile(path.join(vault, 'paper.pdf'), '<!doctype html><script>fetch("/pwned/pdf")</script>');
    await writeFile(path.join(vault, 'clip.mp4'), '<html></html>');
    await writeFile(path.join(vault, 'drawing.svg'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    await writeFile(path.join(vault, 'page.svg'), '<html><body><script>fetch("/pwned/svg")</script></body></html>');
    const files = await readVault(vault);
    expect(files.attachments).toEqual(['drawing.svg', 'real.png']);
    expect(files.problems?.map((p) => `${p.rule} ${p.file}: ${p.message}`)).toEqual([
      'unreadable-file clip.mp4: Is not an MP4 video, whatever its name says; it is not published',
      'unreadable-file page.png: Is not a PNG image, whatever its name says; it is not published',
      'unreadable-file page.svg: Is not an SVG image, whatever its name says; it is not published',
      'unreadable-file paper.pdf: Is not a PDF, whatever its name says; it is not published',
    ]);
  });
});
