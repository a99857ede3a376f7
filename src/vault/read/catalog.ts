import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { slugSegment } from '../slug.ts';
import type { Service, VaultPath } from '../types.ts';

/** The categories a service may have; a typo here is caught rather than making a category of its own. */
export const CATEGORIES = [
  'Analytics',
  'Application Integration',
  'Cloud Financial Management',
  'Compute',
  'Database',
  'Developer Tools',
  'Machine Learning',
  'Management & Governance',
  'Networking',
  'Open-source library',
  'Security',
  'Storage',
] as const;

const entrySchema = z.strictObject({
  /** The service's canonical name, the hub page's title: `Amazon S3`. */
  name: z.string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') }).trim().min(1, 'is empty'),
  /** Other names readers use and links may use: `S3`, `Simple Storage Service`. */
  aliases: z.array(z.string().trim().min(1, 'an alias cannot be empty')).default([]),
  /** One of CATEGORIES. */
  category: z.enum(CATEGORIES, { error: (issue) => `“${String(issue.input)}” is not a category; use one of: ${CATEGORIES.join(', ')}` }),
  /** One factual sentence. */
  summary: z.string({ error: (issue) => (issue.input === undefined ? 'is missing: write one factual sentence' : 'must be text') }).trim().min(1, 'is empty'),
  /**
   * The official documentation: an http(s) URL, since it becomes a link on the
   * hub page, and a `javascript:` one would run on the site's origin when clicked.
   */
  docs: z.url({
    protocol: /^https?$/,
    error: (issue) =>
      issue.input === undefined
        ? 'is missing: give the official documentation’s URL'
        : typeof issue.input === 'string' && /^\s*[a-z][a-z0-9+.-]*:/i.test(issue.input) && !/^\s*https?:/i.test(issue.input)
          ? `must be an http(s) URL (https://…), not “${issue.input.trim().split(':')[0]}:”`
          : 'must be the URL of the official documentation (https://…)',
  }),
});


export type CatalogResult = { ok: true; services: Service[] } | { ok: false; errors: { line?: number | undefined; message: string }[] };

/**
 * Reads and checks the vault's service catalog. Every error names the entry
 * (its number and name), the field and the line, so it can be fixed from the message alone.
 */
export function parseCatalog(file: VaultPath, text: string): CatalogResult {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (document.errors.length) {
    return { ok: false, errors: document.errors.map((e) => ({ line: e.linePos?.[0]?.line, message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '') })) };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, services: [] };
  if (!Array.isArray(data) || !isSeq(document.contents)) {
    return { ok: false, errors: [{ line: 1, message: `${file} must be a list of services (each item starting with “- name: …”)` }] };
  }
  const items = document.contents.items;
  const errors: { line?: number | undefined; message: string }[] = [];
  const services: Service[] = [];
  const owners = new Map<string, string>();
  /** The line of a field of entry `index`, else the entry's own. */
  const lineOf = (index: number, field?: PropertyKey): number => {
    const item = items[index] as YamlNode | undefined;
    const pair = field !== undefined && isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === field) : undefined;
    const at = (pair?.value as YamlNode | undefined)?.range?.[0] ?? item?.range?.[0] ?? 0;
    return lines.linePos(at).line;
  };
  data.forEach((raw, index) => {
    const line = lineOf(index);
    const label = `entry ${index + 1}${raw && typeof raw === 'object' && 'name' in raw ? ` (${String(raw.name)})` : ''}`;
    // Names are checked for clashes even when another field is wrong, so one pass reports everything.
    const record = (raw && typeof raw === 'object' ? raw : {}) as { name?: unknown; aliases?: unknown };
    const names = [record.name, ...(Array.isArray(record.aliases) ? record.aliases : [])].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
    const ownName = typeof record.name === 'string' ? record.name : `entry ${index + 1}`;
    for (const name of names) {
      const key = name.trim().toLowerCase();
      const owner = owners.get(key);
      if (owner !== undefined && owner !== ownName) {
        errors.push({ line, message: `${label}: “${name}” already names ${owner}; a name or alias may belong to one service only` });
      } else owners.set(key, ownName);
    }
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          errors.push({ line, message: `${label}: unknown field ${issue.keys.map((k) => `“${k}”`).join(', ')}; a service has name, aliases, category, summary and docs` });
          continue;
        }
        const field = issue.path.length ? `field “${issue.path.join('.')}”` : 'the entry';
        errors.push({ line: lineOf(index, issue.path[0]), message: `${label}, ${field}: ${issue.message}` });
      }
      return;
    }
    const entry = parsed.data;
    services.push({ id: slugSegment(entry.name), ...entry, aliases: entry.aliases.filter((a) => a.toLowerCase() !== entry.name.toLowerCase()) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, services };
}
