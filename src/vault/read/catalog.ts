import { LineCounter, parseDocument, isSeq } from 'yaml';
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
  /** The official documentation. */
  docs: z.url({ error: (issue) => (issue.input === undefined ? 'is missing: give the official documentation’s URL' : 'must be the URL of the official documentation (https://…)') }),
});


export type CatalogResult = { ok: true; services: Service[] } | { ok: false; errors: { line?: number | undefined; message: string }[] };

export const CATALOG_FILES = ['services.yaml', 'services.yml'];

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
  data.forEach((raw, index) => {
    const line = lines.linePos(items[index]?.range?.[0] ?? 0).line;
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
        errors.push({ line, message: `${label}, ${field}: ${issue.message}` });
      }
      return;
    }
    const entry = parsed.data;
    services.push({ id: slugSegment(entry.name), ...entry, aliases: entry.aliases.filter((a) => a.toLowerCase() !== entry.name.toLowerCase()) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, services };
}
