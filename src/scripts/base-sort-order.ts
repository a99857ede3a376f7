/**
 * The order a base table's rows take when a reader sorts a column, apart
 * from the page so that it can be tested. Each cell carries a sort key
 * (`data-sort`): numbers and dates as numbers, the rest as text.
 */

export type SortDirection = 'ascending' | 'descending';

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Two keys in reading order: numbers by value, text with the numbers inside it by value (`Item 9` before `Item 10`). */
export function compareKeys(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  return collator.compare(a, b);
}

/**
 * The rows' new order, as indices into `keys`. Empty keys go last in either
 * direction, and rows with equal keys keep the order they had.
 */
export function sortOrder(keys: readonly string[], direction: SortDirection): number[] {
  const sign = direction === 'descending' ? -1 : 1;
  return keys
    .map((key, index) => ({ key: key.trim(), index }))
    .sort((a, b) => {
      const emptyA = a.key === '';
      const emptyB = b.key === '';
      if (emptyA || emptyB) return emptyA === emptyB ? a.index - b.index : emptyA ? 1 : -1;
      return sign * compareKeys(a.key, b.key) || a.index - b.index;
    })
    .map((entry) => entry.index);
}

/** A header clicked sorts ascending first, then flips. */
export const nextDirection = (current: string | null): SortDirection => (current === 'ascending' ? 'descending' : 'ascending');
