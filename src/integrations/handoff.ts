/**
 * How `npm run build` (src/cli/build.ts) takes over the end of a build: when
 * this variable names a file, the Astro process writes where it staged the
 * site there and leaves the search index and the swap to the command, which
 * runs them after the Astro process, and its memory, are gone.
 */
export const HANDOFF_ENV = 'QUIRE_HANDOFF';

export interface Handoff {
  /** The folder the site was written to. */
  staging: string;
  /** Where it goes once indexed. */
  final: string;
}
