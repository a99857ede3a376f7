import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'major'; execution: 'async'; flavor: 'last-resort' }) => Promise<void> | void;

/**
 * Gives the memory the pages were rendered with back to the system, before
 * Pagefind (a process of its own, about 150 KB a page) starts. V8 keeps the
 * heap it grew to while rendering, mostly garbage by now; a last-resort
 * collection, which also hands empty pages back, is the one way to shrink it,
 * and Node only offers it through the `gc` function of `--expose-gc`.
 */
export async function releaseMemory(): Promise<void> {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as Gc;
    await gc({ type: 'major', execution: 'async', flavor: 'last-resort' });
  } catch {
    // Only an optimisation: without it the build uses more memory, nothing else.
  }
}
