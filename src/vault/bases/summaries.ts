/**
 * The summaries Obsidian offers under a column (Average, Sum, Earliest,
 * Checked…), over the values of the rows a view shows.
 */
import type { DateValue } from './types.ts';
import { equals, isEmptyValue, isKind, type Value } from './values.ts';

type Summary = (values: readonly Value[]) => Value;

const numbers = (values: readonly Value[]) => values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const dates = (values: readonly Value[]) => values.filter((v): v is DateValue => v !== null && isKind(v, 'date'));
const sum = (ns: number[]) => ns.reduce((total, n) => total + n, 0);

function ofNumbers(reduce: (ns: number[]) => number): Summary {
  return (values) => {
    const ns = numbers(values);
    return ns.length ? reduce(ns) : null;
  };
}

function median(ns: number[]): number {
  const sorted = [...ns].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The standard deviation of the values themselves (population). */
function stddev(ns: number[]): number {
  const mean = sum(ns) / ns.length;
  return Math.sqrt(sum(ns.map((n) => (n - mean) ** 2)) / ns.length);
}

function extremeDate(pick: 'earliest' | 'latest'): Summary {
  return (values) => {
    const ds = dates(values);
    if (!ds.length) return null;
    return ds.reduce((best, d) => ((pick === 'earliest' ? d.ms < best.ms : d.ms > best.ms) ? d : best));
  };
}

/** Range is max − min for numbers, and the time between the earliest and latest for dates. */
const range: Summary = (values) => {
  const ds = dates(values);
  if (ds.length && !numbers(values).length) {
    const ms = ds.map((d) => d.ms);
    return { kind: 'duration', ms: Math.max(...ms) - Math.min(...ms), months: 0 };
  }
  return ofNumbers((ns) => Math.max(...ns) - Math.min(...ns))(values);
};

export const BUILT_IN_SUMMARIES: Record<string, Summary> = {
  Average: ofNumbers((ns) => sum(ns) / ns.length),
  Min: ofNumbers((ns) => Math.min(...ns)),
  Max: ofNumbers((ns) => Math.max(...ns)),
  Sum: ofNumbers(sum),
  Range: range,
  Median: ofNumbers(median),
  Stddev: ofNumbers(stddev),
  Earliest: extremeDate('earliest'),
  Latest: extremeDate('latest'),
  Checked: (values) => values.filter((v) => v === true).length,
  Unchecked: (values) => values.filter((v) => v === false || v === null).length,
  Empty: (values) => values.filter(isEmptyValue).length,
  Filled: (values) => values.filter((v) => !isEmptyValue(v)).length,
  Unique: (values) => values.filter((v, i) => !isEmptyValue(v) && values.findIndex((other) => equals(v, other)) === i).length,
};

/** A built-in summary by name, whatever its case (`average`, `Average`). */
export function builtInSummary(name: string): [string, Summary] | undefined {
  const key = Object.keys(BUILT_IN_SUMMARIES).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? [key, BUILT_IN_SUMMARIES[key]!] : undefined;
}
