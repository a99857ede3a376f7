import { describe, expect, it } from 'vitest';
import { countNotes, heapLimitMb } from '../../src/cli/heap-limit.ts';
import { readVault } from '../../src/vault/index.ts';
import { fixture } from '../helpers/fixtures.ts';

describe('the build’s heap limit', () => {
  it('counts the notes the build will read, hidden folders left out', async () => {
    for (const name of ['links-vault', 'conformance-vault', 'bad-catalog-vault']) {
      const files = await readVault(fixture(name));
      expect(await countNotes(fixture(name)), name).toBe(files.notes.length + files.unreadable.length);
    }
  });

  it('counts no notes in a folder that does not exist, so the build can say so itself', async () => {
    await expect(countNotes('/no/such/vault')).resolves.toBe(0);
  });

  it('gives a small vault the floor and a large one room in proportion', () => {
    expect(heapLimitMb(0)).toBe(1024);
    expect(heapLimitMb(5_000)).toBe(1024);
    expect(heapLimitMb(10_000)).toBe(1954);
    expect(heapLimitMb(20_000)).toBe(3907);
  });
});
