/**
 * Reads a base's YAML into its parts, keeping the line of every expression so
 * that a problem can name it. A part written the wrong way is reported and
 * left out; the rest of the base still works.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';

export interface Located {
  text: string;
  /** 1-based line in the YAML. */
  line: number;
}

export type FilterSpec = ({ kind: 'expr' } & Located) | { kind: 'and' | 'or' | 'not'; items: FilterSpec[]; line: number };

export interface SortSpec {
  /** Canonical: `file.name`, `note.price`, `formula.ppu`. */
  property: string;
  direction: 'ASC' | 'DESC';
}

export interface ViewSpec {
  name: string;
  type: string;
  line: number;
  filters?: FilterSpec;
  order: string[];
  sort: SortSpec[];
  groupBy?: SortSpec;
  limit?: number;
  /** Column → summary name. */
  summaries: Map<string, string>;
  /** The property a cards view takes its cover from. */
  image?: string;
}

export interface BaseConfig {
  filters?: FilterSpec;
  formulas: Map<string, Located>;
  /** Canonical property → display name. */
  displayNames: Map<string, string>;
  /** The base's own summaries: name → expression over `values`. */
  summaries: Map<string, Located>;
  views: ViewSpec[];
}

export interface ConfigProblem {
  line: number;
  message: string;
}

/** `price` and `note.price` are one property; `file.*` and `formula.*` keep their prefix. */
export function canonicalProperty(id: string): string {
  const trimmed = id.trim();
  return /^(?:note|file|formula)\./.test(trimmed) ? trimmed : `note.${trimmed}`;
}

type Reader = { line: (node: Node | null | undefined) => number; problems: ConfigProblem[] };

const scalarText = (node: unknown): string | undefined =>
  isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;

function get(map: YAMLMap, key: string): Node | undefined {
  return map.get(key, true) as Node | undefined;
}

function readFilter(node: Node, reader: Reader, where: string): FilterSpec | undefined {
  const text = scalarText(node);
  if (text !== undefined) return { kind: 'expr', text, line: reader.line(node) };
  const line = reader.line(node);
  if (isSeq(node)) {
    reader.problems.push({ line, message: `${where} is a list: write “and:” (or “or:”, “not:”) above it` });
    return { kind: 'and', items: node.items.flatMap((item) => readFilter(item as Node, reader, where) ?? []), line };
  }
  if (isMap(node) && node.items.length === 1) {
    const pair = node.items[0]!;
    const kind = scalarText(pair.key);
    if ((kind === 'and' || kind === 'or' || kind === 'not') && isSeq(pair.value)) {
      return { kind, items: pair.value.items.flatMap((item) => readFilter(item as Node, reader, where) ?? []), line };
    }
  }
  reader.problems.push({ line, message: `${where} must be an expression, or one of “and:”, “or:”, “not:” with a list under it` });
  return undefined;
}

function readNamedTexts(node: Node | undefined, reader: Reader, what: string): Map<string, Located> {
  const found = new Map<string, Located>();
  if (node === undefined || node === null) return found;
  if (!isMap(node)) {
    reader.problems.push({ line: reader.line(node), message: `“${what}” must be a list of \`name: expression\` pairs` });
    return found;
  }
  for (const pair of node.items) {
    const name = scalarText(pair.key);
    const text = scalarText(pair.value);
    if (name === undefined || text === undefined) {
      reader.problems.push({ line: reader.line(pair.key as Node), message: `each of “${what}” must be \`name: expression\`` });
      continue;
    }
    found.set(name, { text, line: reader.line(pair.value as Node) });
  }
  return found;
}

function readDisplayNames(node: Node | undefined): Map<string, string> {
  const names = new Map<string, string>();
  if (!isMap(node)) return names;
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    const displayName = isMap(pair.value) ? scalarText(pair.value.get('displayName', true)) : undefined;
    if (key !== undefined && displayName !== undefined) names.set(canonicalProperty(key), displayName);
  }
  return names;
}

function readSort(node: unknown, reader: Reader, where: string): SortSpec | undefined {
  const map = isMap(node) ? node : undefined;
  const property = map ? scalarText(map.get('property', true)) : scalarText(node);
  if (property === undefined) {
    reader.problems.push({ line: reader.line(node as Node), message: `${where} needs a “property”` });
    return undefined;
  }
  const direction = map ? scalarText(map.get('direction', true))?.toUpperCase() : undefined;
  return { property: canonicalProperty(property), direction: direction === 'DESC' ? 'DESC' : 'ASC' };
}

function readView(node: Node, index: number, reader: Reader): ViewSpec | undefined {
  const line = reader.line(node);
  if (!isMap(node)) {
    reader.problems.push({ line, message: `view ${index + 1} must be a list of settings (type, name, order…)` });
    return undefined;
  }
  const type = scalarText(get(node, 'type')) ?? 'table';
  const name = scalarText(get(node, 'name')) ?? type[0]!.toUpperCase() + type.slice(1);
  const where = `view “${name}”`;
  const filtersNode = get(node, 'filters');
  const filters = filtersNode !== undefined && filtersNode !== null ? readFilter(filtersNode, reader, `${where}: “filters”`) : undefined;
  const groupNode = get(node, 'groupBy');
  const groupBy = groupNode !== undefined && groupNode !== null ? readSort(groupNode, reader, `${where}: “groupBy”`) : undefined;
  const orderNode = get(node, 'order');
  const sortNode = get(node, 'sort');
  const limitNode = get(node, 'limit');
  const summariesNode = get(node, 'summaries');
  const limit = isScalar(limitNode) ? Number(limitNode.value) : undefined;
  if (limitNode !== undefined && (limit === undefined || !Number.isInteger(limit) || limit < 0)) {
    reader.problems.push({ line: reader.line(limitNode), message: `${where}: “limit” must be a whole number` });
  }
  const image = scalarText(get(node, 'image')) ?? scalarText(get(node, 'imageProperty'));
  const summaries = new Map<string, string>();
  if (isMap(summariesNode)) {
    for (const pair of summariesNode.items) {
      const key = scalarText(pair.key);
      const summary = scalarText(pair.value);
      if (key !== undefined && summary !== undefined) summaries.set(canonicalProperty(key), summary);
    }
  }
  return {
    name,
    type,
    line,
    ...(filters ? { filters } : {}),
    order: isSeq(orderNode) ? orderNode.items.flatMap((item) => scalarText(item) ?? []).map(canonicalProperty) : ['file.name'],
    sort: isSeq(sortNode) ? sortNode.items.flatMap((item) => readSort(item, reader, `${where}: each “sort” entry`) ?? []) : [],
    ...(groupBy ? { groupBy } : {}),
    ...(limit !== undefined && Number.isInteger(limit) && limit >= 0 ? { limit } : {}),
    summaries,
    ...(image !== undefined ? { image: canonicalProperty(image) } : {}),
  };
}

export function parseConfig(text: string): { config?: BaseConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { problems: [{ line: error.linePos?.[0]?.line ?? 1, message: `the YAML does not parse: ${message}` }] };
  }
  const reader: Reader = { line: (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1), problems: [] };
  const root = document.contents;
  if (root !== null && !isMap(root)) return { problems: [{ line: reader.line(root), message: 'a base must be a list of settings (filters, formulas, views…)' }] };
  const filtersNode = root ? get(root, 'filters') : undefined;
  const filters = filtersNode !== undefined && filtersNode !== null ? readFilter(filtersNode, reader, '“filters”') : undefined;
  const viewsNode = root ? get(root, 'views') : undefined;
  if (viewsNode !== undefined && viewsNode !== null && !isSeq(viewsNode)) reader.problems.push({ line: reader.line(viewsNode), message: '“views” must be a list' });
  const views = isSeq(viewsNode) ? viewsNode.items.flatMap((item, i) => readView(item as Node, i, reader) ?? []) : [];
  const config: BaseConfig = {
    ...(filters ? { filters } : {}),
    formulas: readNamedTexts(root ? get(root, 'formulas') : undefined, reader, 'formulas'),
    displayNames: readDisplayNames(root ? get(root, 'properties') : undefined),
    summaries: readNamedTexts(root ? get(root, 'summaries') : undefined, reader, 'summaries'),
    // A base without views shows its notes in one table, as Obsidian does.
    views: views.length || isSeq(viewsNode) ? views : [{ name: 'Table', type: 'table', line: 1, order: ['file.name'], sort: [], summaries: new Map<string, string>() }],
  };
  return { config, problems: reader.problems };
}
