import type { LinkOccurrence } from '../prepare/types.ts';
import type { Problem } from '../types.ts';
import type { ResolvedLink, ResolvedLinks, Resolution } from './types.ts';

/**
 * Every link of the vault resolved, in link order, with the problems each
 * met. `resolve` is `linkResolver(world)` (link-resolver.ts), or the dev
 * server's, which answers as before for a link whose note is unchanged.
 */
export function resolveLinks(links: readonly LinkOccurrence[], resolve: (link: LinkOccurrence) => ResolvedLink): ResolvedLinks {
  /** By link number: an array, since the numbers run from 0 with few gaps. */
  const resolutions: Resolution[] = [];
  const problems: Problem[] = [];
  for (const link of links) {
    const resolved = resolve(link);
    resolutions[link.index] = resolved.resolution;
    problems.push(...resolved.problems);
  }
  return { resolutions, problems };
}
