import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVault, rereadNotes } from '../../src/vault/index.ts';

describe('reading again only the notes that changed (astro dev)', () => {
  it('gives what reading the whole vault again gives, and asks for a whole read for a file it does not know', async () => {
    const vault = await mkdtemp(path.join(os.tmpdir(), 'quire-reread-'));
    await writeFile(path.join(vault, 'A.md'), '# A\n');
    await writeFile(path.join(vault, 'B.md'), '# B\n');
    await writeFile(path.join(vault, 'C.md'), '# C\n');
    const before = await readVault(vault);

    await writeFile(path.join(vault, 'A.md'), '# A, edited\n');
    await writeFile(path.join(vault, 'B.md'), Buffer.from([0x23, 0x00, 0x01]));
    const again = await rereadNotes(vault, before, ['A.md', 'B.md'] as never[]);
    expect(again).toEqual(await readVault(vault));
    expect(again!.notes.map((note) => note.text)).toEqual(['# A, edited\n', '# C\n']);
    expect(again!.unreadable).toEqual([{ path: 'B.md', reason: 'a binary file, not text' }]);

    await writeFile(path.join(vault, 'D.md'), '# D\n');
    await expect(rereadNotes(vault, before, ['D.md'] as never[])).resolves.toBeUndefined();
  });
});
