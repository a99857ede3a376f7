/**
 * A vault shaped like a large public community vault rather than like one
 * person's notes: what real vaults do to a site generator that even,
 * synthetic ones hide.
 *
 *   node scripts/generate-vault.ts --profile community --notes 6500 --out /tmp/community
 *
 * - Two folders hold 45% and 40% of all notes (`Plugins/`, `Themes/`); a
 *   tenth are people; the rest are topics and guides in a few small folders.
 * - Every note opens with a title heading and ends with a template's footer
 *   heading (`# This note in GitHub`): two top-level headings that are not a book.
 * - Properties with an empty tag item (`tags:` then a lone `- `) and a
 *   `plugin-id`-style key; 0.2% of notes have properties that are not valid YAML.
 * - Four remote badge images per plugin or theme note, `%% … %%` template
 *   comments, a person note linked from most notes, about 3.4 wiki-links a note.
 *
 * Deterministic, like generate-vault.ts: the same options give the same files.
 */
import { Rng, type GeneratedVault } from './generate-vault.ts';

const WORDS = [
  'Calendar', 'Kanban', 'Dataview', 'Excalidraw', 'Outliner', 'Templater', 'Tasks', 'Graph', 'Canvas', 'Sync', 'Zotero', 'Citations', 'Daily',
  'Journal', 'Tracker', 'Habit', 'Flashcards', 'Spaced', 'Review', 'Periodic', 'Notes', 'Tags', 'Folder', 'Icons', 'Style', 'Settings',
  'Hotkeys', 'Commander', 'Linter', 'Markdown', 'Tables', 'Charts', 'Mermaid', 'Math', 'Latex', 'Publish', 'Git', 'Backup', 'Export',
  'Import', 'Readwise', 'Kindle', 'Highlights', 'Reader', 'Focus', 'Zen', 'Typewriter', 'Scroll', 'Tabs', 'Sidebar', 'Workspace',
  'Omnisearch', 'Quick', 'Switcher', 'Natural', 'Dates', 'Reminders', 'Timeline', 'Map', 'Mind', 'Outline', 'Breadcrumbs', 'Links',
];
const THEME_WORDS = ['Minimal', 'Things', 'Blue', 'Topaz', 'Nord', 'Dracula', 'Solarized', 'Gruvbox', 'Sanctum', 'Prism', 'Aura', 'Night', 'Paper', 'Ink', 'Moss', 'Dune', 'Glass', 'Velvet', 'Atom', 'Pastel'];
const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lena', 'Mo', 'Nia', 'Oskar', 'Priya', 'Quinn', 'Rafa', 'Sora', 'Tomas', 'Uma', 'Vik', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Ahmed', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kim', 'Lopez', 'Mueller', 'Nakamura', 'Okafor', 'Park', 'Rossi', 'Silva', 'Tanaka', 'Weber'];
const TOPIC_FOLDERS = ['Topics', 'Guides', 'Workflows', 'Meta'];
const SENTENCES = [
  'It adds a view to the sidebar that lists what you wrote today.',
  'Settings let you choose which folder it watches and how often it refreshes.',
  'Works on mobile as well as on the desktop app.',
  'Pairs well with a daily notes routine and a weekly review.',
  'The author keeps a changelog in the repository and answers issues quickly.',
  'Some users report that it slows down very large vaults.',
  'Keyboard shortcuts can be assigned to every command it adds.',
  'The interface follows the theme you use, in light and dark mode.',
  'A companion snippet changes the colours of its panels.',
  'Community discussions on the forum collect tips for using it with other plugins.',
];

interface Planned {
  path: string;
  title: string;
  kind: 'plugin' | 'theme' | 'person' | 'topic';
}

function uniqueNames(count: number, make: () => string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let attempt = 0; names.length < count; attempt++) {
    let name = make();
    if (seen.has(name.toLowerCase())) name = `${name} ${attempt}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

function plan(rng: Rng, total: number): Planned[] {
  const plugins = Math.round(total * 0.45);
  const themes = Math.round(total * 0.4);
  const people = Math.max(1, Math.round(total * 0.1));
  const topics = Math.max(0, total - plugins - themes - people);
  const out: Planned[] = [];
  for (const title of uniqueNames(plugins, () => `${rng.pick(WORDS)} ${rng.pick(WORDS)}`)) out.push({ path: `Plugins/${title}.md`, title, kind: 'plugin' });
  for (const title of uniqueNames(themes, () => `${rng.pick(THEME_WORDS)} ${rng.pick(WORDS)}`)) out.push({ path: `Themes/${title}.md`, title, kind: 'theme' });
  for (const title of uniqueNames(people, () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`)) out.push({ path: `People/${title}.md`, title, kind: 'person' });
  for (const title of uniqueNames(topics, () => `${rng.pick(WORDS)} ${rng.pick(['Workflow', 'Guide', 'Setup', 'Tips', 'Overview'])}`)) {
    out.push({ path: `${rng.pick(TOPIC_FOLDERS)}/${title}.md`, title, kind: 'topic' });
  }
  return out;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function badges(rng: Rng, repo: string): string {
  return [
    `![GitHub stars](https://img.shields.io/github/stars/${repo}?style=flat)`,
    `![Downloads](https://img.shields.io/badge/downloads-${rng.int(1, 900)}k-green)`,
    `![Release](https://img.shields.io/github/v/release/${repo})`,
    `![License](https://img.shields.io/github/license/${repo})`,
  ].join(' ');
}

function properties(rng: Rng, note: Planned, malformed: boolean): string {
  if (malformed) return `---\ntags: [${slug(note.kind)}, unclosed\npublish: true\n---\n`;
  const key = note.kind === 'theme' ? 'theme-id' : 'plugin-id';
  const lines = ['---', 'tags:', `  - ${note.kind === 'person' ? 'people' : `${note.kind}s`}`];
  // The community template leaves an empty item for the next tag.
  lines.push('  - ');
  if (note.kind === 'plugin' || note.kind === 'theme') lines.push(`${key}: ${slug(note.title)}`);
  if (rng.chance(0.3)) lines.push(`aliases:\n  - ${note.title.split(' ')[0]} ${note.kind}`);
  lines.push('publish: true', '---', '');
  return lines.join('\n');
}

function body(rng: Rng, note: Planned, people: readonly Planned[], all: readonly Planned[]): string {
  const out: string[] = [`%% Hub template: ${note.kind} %%`, '', `# ${note.title}`, ''];
  if (note.kind === 'plugin' || note.kind === 'theme') {
    const author = rng.pick(people);
    out.push(badges(rng, `${slug(author.title)}/${slug(note.title)}`), '');
    out.push(`By [[${author.title}]].`, '');
  }
  out.push(rng.sample(SENTENCES, rng.int(2, 4)).join(' '), '');
  out.push('## Features', '', ...rng.sample(SENTENCES, 3).map((s) => `- ${s}`), '');
  // About 3.4 wiki-links a note in all: the author above, and related notes here.
  const related = rng.sample(all, rng.int(1, 4)).filter((other) => other !== note);
  if (related.length) out.push('## Related', '', ...related.map((other) => `- [[${other.title}]]`), '');
  out.push('%% Add links to related notes above %%', '');
  out.push('# This note in GitHub', '', `<span class="git-footer">[Propose changes](https://github.com/example/hub/edit/main/${encodeURI(note.path)})</span>`, '');
  return out.join('\n');
}

export interface CommunityOptions {
  notes: number;
  seed?: string;
}

/** Generates a community-shaped vault in memory. Same options → same files, byte for byte. */
export function generateCommunityVault(options: CommunityOptions): GeneratedVault {
  const count = Math.floor(options.notes);
  if (!Number.isFinite(count) || count < 1) throw new Error(`--notes must be a positive number, not ${options.notes}`);
  const rng = new Rng(`community:${options.seed ?? 'quire'}:${count}`);
  const planned = plan(rng, count);
  const people = planned.filter((note) => note.kind === 'person');
  const files: GeneratedVault = new Map();
  const malformedEvery = 500;
  planned.forEach((note, i) => {
    files.set(note.path, `${properties(rng, note, i % malformedEvery === malformedEvery - 1)}${body(rng, note, people, planned)}`);
  });
  return files;
}
