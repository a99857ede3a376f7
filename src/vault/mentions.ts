import type { Service } from './types.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SHORT = 4;

/**
 * Finds the services a passage names in plain text, as whole words. Names
 * and aliases under four characters (`S3`, `EC2`, `IAM`) match only in
 * their own case, so that “iam” or “s3” in other words do not count.
 */
export function mentionFinder(services: readonly Service[]): (text: string) => Service[] {
  const byName = new Map<string, Service>();
  const long: string[] = [];
  const short: string[] = [];
  for (const service of services) {
    for (const name of [service.name, ...service.aliases]) {
      if (name.length < SHORT) {
        byName.set(name, service);
        short.push(name);
      } else {
        byName.set(name.toLowerCase(), service);
        long.push(name);
      }
    }
  }
  // Longest first, so `Amazon SageMaker Autopilot` is not read as `Amazon SageMaker`.
  const pattern = (names: string[], flags: string) =>
    names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${[...names].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_])`, flags)
      : undefined;
  const insensitive = pattern(long, 'giu');
  const sensitive = pattern(short, 'gu');

  return (text: string) => {
    const found = new Set<Service>();
    if (insensitive) for (const match of text.matchAll(insensitive)) found.add(byName.get(match[0].toLowerCase())!);
    if (sensitive) for (const match of text.matchAll(sensitive)) found.add(byName.get(match[0])!);
    return [...found];
  };
}
