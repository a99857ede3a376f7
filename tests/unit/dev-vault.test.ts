import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/site/settings.ts';
import { shareSettings } from '../../src/site/shared-settings.ts';
import { forgetVault, loadVault } from '../../src/site/vault-builder.ts';
import type { NotePage, VaultPath } from '../../src/vault/index.ts';

const textOf = async (slug: string) => ((await loadVault()).bySlug.get(slug as never) as NotePage).html;

describe('the model of the dev server as notes change', () => {
  it('reads a note again when its change is reported while a model is still being built', async () => {
    const vault = await mkdtemp(path.join(os.tmpdir(), 'quire-dev-model-'));
    await writeFile(path.join(vault, 'A.md'), 'First text of A.\n');
    await writeFile(path.join(vault, 'B.md'), 'First text of B, linking [[A]].\n');
    shareSettings({ ...readSettings(vault, { contentDir: vault }), command: 'dev' });
    expect(await textOf('b')).toContain('First text of B');

    await writeFile(path.join(vault, 'A.md'), 'Second text of A.\n');
    forgetVault({ event: 'change', path: 'A.md' as VaultPath });
    const building = loadVault();
    // Reported while that model is built: it may or may not have read it, so the next model must.
    forgetVault({ event: 'change', path: 'B.md' as VaultPath });
    await building;
    await writeFile(path.join(vault, 'B.md'), 'Second text of B, linking [[A]].\n');
    expect(await textOf('b')).toContain('Second text of B');
    expect(await textOf('a')).toContain('Second text of A');
  });
});
