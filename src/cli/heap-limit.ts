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
 * 10,000-note vault fails at a 512 MB limit and builds at 768 MB). With 100 KB, V8 collects
 * so often near the limit that a 10,000-note build took 7% longer (median of three, paired)
 * than with 200 KB; 200 KB costs about 430 MB more at its peak there, still less than the
 * search index needs after it.
 */
const PER_NOTE_KB = 200;

/**
 * V8's heap limit for a build of this many notes. Left to itself, V8 lets the
 * heap grow towards a quarter of the machine's memory before collecting hard;
 * a limit sized to the vault keeps the build's memory near what it really
 * uses.
 */
export function heapLimitMb(notes: number): number {
  return Math.max(FLOOR_MB, Math.ceil((notes * PER_NOTE_KB) / 1024));
}
