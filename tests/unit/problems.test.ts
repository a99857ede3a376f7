import { describe, expect, it } from 'vitest';
import { didYouMean, suggester } from '../../src/vault/problems.ts';

describe('did you mean', () => {
  it('suggests the closest name, for a typo of a few letters', () => {
    expect(didYouMean('Amazon Sagemker', ['Amazon S3', 'Amazon SageMaker', 'AWS Glue'])).toBe('Amazon SageMaker');
    expect(didYouMean('AWS Gleu', ['Amazon S3', 'Amazon SageMaker', 'AWS Glue'])).toBe('AWS Glue');
  });

  it('suggests nothing when no name is close', () => {
    expect(didYouMean('Kubernetes', ['Amazon S3', 'AWS Glue'])).toBeUndefined();
  });

  it('prefers the closer of two near names, and the first of two as near', () => {
    expect(didYouMean('Data Lake', ['Data Lakes', 'Data Lake!!'])).toBe('Data Lakes');
    expect(didYouMean('Data Lakx', ['Data Laky', 'Data Lakz'])).toBe('Data Laky');
  });

  it('finds a run of words inside a longer name, unless told to compare whole names only', () => {
    expect(didYouMean('Moutains', ['Part 3: Mountains', 'Rivers'])).toBe('Part 3: Mountains');
    expect(suggester(['Part 3: Mountains', 'Rivers'], { wordRuns: false })('Moutains')).toBeUndefined();
  });

  it('answers the same over a long list, name lengths mixed', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Note number ${i} about ${['S3', 'Glue', 'SageMaker'][i % 3]}`);
    const ask = suggester(names, { wordRuns: false });
    expect(ask('Note numbr 4321 about Glue')).toBe('Note number 4321 about Glue');
    expect(ask('Something else entirely')).toBeUndefined();
  });

  it('gives the answer measuring every name would give, typos of one to five edits', () => {
    // A plain Levenshtein distance and a scan of every name, in the order the suggester prefers: closest, then shortest, then first.
    const levenshtein = (a: string, b: string) => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
      }
      return row[b.length]!;
    };
    const scanAll = (wanted: string, names: string[]) => {
      const target = wanted.toLowerCase().trim();
      const cap = Math.max(2, Math.floor(target.length / 4));
      const scored = names.map((name, order) => ({ name, order, score: levenshtein(target, name.toLowerCase()) })).filter((c) => c.score <= cap);
      scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.order - b.order);
      return scored[0]?.name;
    };
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const word = () => Array.from({ length: 4 + random(5) }, () => 'abcdefghijklmnopqrstuvwxyz'[random(26)]).join('');
    const names = Array.from({ length: 800 }, () => Array.from({ length: 2 + random(2) }, word).join(' '));
    const ask = suggester(names, { wordRuns: false });
    let suggested = 0;
    for (let q = 0; q < 400; q++) {
      let typo = names[random(names.length)]!;
      for (let edit = 1 + random(5); edit > 0; edit--) {
        const at = random(typo.length);
        const letter = 'abcdefghijklmnopqrstuvwxyz '[random(27)]!;
        typo = [typo.slice(0, at) + letter + typo.slice(at + 1), typo.slice(0, at) + typo.slice(at + 1), typo.slice(0, at) + letter + typo.slice(at)][random(3)]!;
      }
      const expected = scanAll(typo, names);
      expect(ask(typo), typo).toBe(expected);
      if (expected) suggested++;
    }
    expect(suggested).toBeGreaterThan(200);
  });
});
