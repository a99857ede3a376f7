/**
 * Astro's bundler (Rolldown) and its compiler are native modules that
 * allocate through mimalloc. Left to its defaults, mimalloc commits each of
 * its 1 GiB arenas eagerly and holds on to pages once they are freed, so
 * what bundling the site's code took stays resident until Astro exits:
 * 140 MB of the 490 MB Astro's process peaked at on a 200-note vault. With
 * arenas committed as they are used and freed pages returned at once, the
 * same build peaked at 350 MB and took as long (median of six, paired).
 * mimalloc reads these when the process starts, so they are set for the
 * `astro build` that `npm run build` starts; a value already in the
 * environment is kept.
 */
const MIMALLOC_DEFAULTS = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' } as const;

/** The environment for Astro's process: `env`, with mimalloc told to give freed memory back unless `env` says otherwise. */
export function withNativeMemoryReturned(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...MIMALLOC_DEFAULTS, ...env };
}
