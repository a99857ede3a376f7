// Only the vault's walk, not the model: this runs in `npm run build`'s own small process, before Astro's.
import { listVault } from '../vault/read/read-vault.ts';

/** Notes in a vault, found as the build finds them. 0 if it cannot be read: the build then says why. */
export async function countNotes(contentDir: string): Promise<number> {
  return listVault(contentDir).then(({ notes }) => notes.length, () => 0);
}

/** The smallest limit: what a small vault's build needs, with room to spare. */
const FLOOR_MB = 1024;
/**
 * Per note. At its fullest the build's heap holds between 50 and 75 KB a note (a generated
 * 10,000-note vault fails at a 512 MB limit and builds at 768 MB); 100 KB leaves a third to spare.
 */
const PER_NOTE_KB = 100;

/**
 * V8's heap limit for a build of this many notes. Left to itself, V8 lets the
 * heap grow towards a quarter of the machine's memory before collecting hard;
 * a limit sized to the vault keeps the build's memory near what it really
 * uses, with no cost in time.
 */
export function heapLimitMb(notes: number): number {
  return Math.max(FLOOR_MB, Math.ceil((notes * PER_NOTE_KB) / 1024));
}
