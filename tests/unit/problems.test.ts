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
});
