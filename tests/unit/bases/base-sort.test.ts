import { describe, expect, it } from 'vitest';
import { compareKeys, nextDirection, sortOrder } from '../../../src/scripts/base-sort-order.ts';

/** The keys in the order the rows would take. */
const sorted = (keys: string[], direction: 'ascending' | 'descending' = 'ascending') => sortOrder(keys, direction).map((i) => keys[i]);

describe('sorting a base table’s rows', () => {
  it('sorts numbers by value, not as text', () => {
    expect(sorted(['10', '9', '100', '-2', '2.5'])).toEqual(['-2', '2.5', '9', '10', '100']);
    expect(sorted(['10', '9', '100', '-2', '2.5'], 'descending')).toEqual(['100', '10', '9', '2.5', '-2']);
  });

  it('sorts dates by their time, which the cells give as milliseconds', () => {
    const may = String(Date.parse('2024-05-01'));
    const january = String(Date.parse('2023-01-10'));
    const old = String(Date.parse('1969-07-20'));
    expect(sorted([may, january, old])).toEqual([old, january, may]);
  });

  it('sorts text in reading order, numbers inside it by value, without regard to case', () => {
    expect(sorted(['item 10', 'Item 9', 'apple', 'Banana'])).toEqual(['apple', 'Banana', 'Item 9', 'item 10']);
  });

  it('puts empty cells last in either direction', () => {
    expect(sorted(['b', '', 'a', ' '])).toEqual(['a', 'b', '', ' ']);
    expect(sorted(['b', '', 'a'], 'descending')).toEqual(['b', 'a', '']);
  });

  it('keeps rows with equal keys in the order they had (stable)', () => {
    const keys = ['2', '1', '2', '1', '2'];
    expect(sortOrder(keys, 'ascending')).toEqual([1, 3, 0, 2, 4]);
    expect(sortOrder(keys, 'descending')).toEqual([0, 2, 4, 1, 3]);
  });

  it('compares a number with a text as text', () => {
    expect(compareKeys('5', 'five')).toBeLessThan(0);
    expect(compareKeys('1e3', '999')).toBeGreaterThan(0);
  });

  it('sorts ascending on the first click and flips on each next one', () => {
    expect(nextDirection(null)).toBe('ascending');
    expect(nextDirection('ascending')).toBe('descending');
    expect(nextDirection('descending')).toBe('ascending');
  });
});
