import type { Problem } from './types.ts';

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `${where}  ${problem.message}${hint}  [${problem.rule}]`;
}

/** Levenshtein distance, capped: we only care whether two names are close. Two rows, reused: it runs for thousands of names per question. */
let rows = [new Uint16Array(64), new Uint16Array(64)];
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (rows[0]!.length <= b.length) rows = [new Uint16Array(b.length * 2), new Uint16Array(b.length * 2)];
  let previous = rows[0]!;
  let current = rows[1]!;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** The candidate closest to `wanted`, if it is close enough to be a likely typo: a whole name, or a run of words in one. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string | undefined {
  return suggester(candidates)(wanted);
}

/**
 * A "did you mean" over a fixed list of names, for many questions: names are
 * grouped by length once, and each question is answered once, so a vault with
 * thousands of notes and links to missing ones stays fast. `wordRuns: false`
 * compares whole names only, for long lists such as every note of a vault.
 */
export function suggester(candidates: Iterable<string>, options: { wordRuns?: boolean } = {}): (wanted: string) => string | undefined {
  const wordRuns = options.wordRuns ?? true;
  const byLength = new Map<number, { name: string; lower: string; letters: Uint8Array }[]>();
  const words = new Map<string, string[]>();
  for (const name of candidates) {
    const lower = name.toLowerCase();
    const bucket = byLength.get(lower.length) ?? [];
    bucket.push({ name, lower, letters: letterCounts(lower) });
    byLength.set(lower.length, bucket);
    words.set(name, lower.split(/[\s:]+/).filter(Boolean));
  }
  const answers = new Map<string, string | undefined>();
  const longest = Math.max(0, ...byLength.keys());
  return (wanted: string) => {
    const target = wanted.toLowerCase().trim();
    if (answers.has(target)) return answers.get(target);
    const width = target.split(/\s+/).length;
    const cap = Math.max(2, Math.floor(target.length / 4));
    const targetLetters = letterCounts(target);
    let best: { name: string; score: number } | undefined;
    const consider = (name: string, pieces: string[], letters?: Uint8Array) => {
      // Only a strictly closer name replaces the best so far, so nothing farther than it need be measured exactly.
      const within = best ? best.score - 1 : cap;
      if (within < 0) return;
      if (letters && !lettersWithin(targetLetters, letters, within)) return;
      let score = within + 1;
      for (const piece of pieces) score = Math.min(score, distance(target, piece, within));
      if (score <= within) best = { name, score };
    };
    // Whole names of about the same length.
    for (let length = Math.max(0, target.length - cap); length <= target.length + cap; length++) {
      for (const { name, lower, letters } of byLength.get(length) ?? []) consider(name, [lower], letters);
    }
    // Runs of as many words inside longer names, so `Moutains` finds the heading `Part 3: Mountains`.
    for (let length = target.length + cap + 1; wordRuns && length <= longest; length++) {
      for (const { name } of byLength.get(length) ?? []) {
        const nameWords = words.get(name)!;
        const runs: string[] = [];
        for (let i = 0; i + width <= nameWords.length; i++) runs.push(nameWords.slice(i, i + width).join(' '));
        if (runs.length) consider(name, runs);
      }
    }
    answers.set(target, best?.name);
    return best?.name;
  };
}

/** How often each character occurs, characters folded into 32 buckets. */
function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(32);
  for (let i = 0; i < text.length; i++) {
    const bucket = text.charCodeAt(i) & 31;
    if (counts[bucket]! < 255) counts[bucket]!++;
  }
  return counts;
}

/**
 * Whether two texts' character counts allow an edit distance of at most
 * `within`: one edit changes the counts by at most two, so counts further
 * apart than twice that rule the name out without measuring it.
 */
function lettersWithin(a: Uint8Array, b: Uint8Array, within: number): boolean {
  let apart = 0;
  for (let i = 0; i < 32; i++) {
    apart += Math.abs(a[i]! - b[i]!);
    if (apart > 2 * within) return false;
  }
  return true;
}
