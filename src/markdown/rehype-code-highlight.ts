/**
 * Why: code blocks are highlighted at build time with Shiki, so readers get
 * coloured code with no script, in a light and a dark theme at once: every
 * token carries both colours as CSS variables (`--shiki-light`,
 * `--shiki-dark`) and src/styles/site.css picks one by colour scheme.
 *
 * The site renders notes synchronously, so the highlighter and its languages
 * must be loaded before a note is rendered. Loading Shiki's 300-odd grammars
 * takes seconds, so a handful of common ones are loaded up front and the
 * vault loader loads the others its notes use (`loadCodeLanguages`). A block
 * in a language Shiki lacks, or with none, is shown as plain text in the same frame.
 * `<pre class="mermaid">` has no `<code>` inside, so diagrams are left alone.
 */
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { bundledLanguages, createHighlighter } from 'shiki';

/** Loaded up front, by Shiki's names; their aliases (`ts`, `sh`, `yml`, `py`, …) work too. */
const COMMON_LANGUAGES = ['bash', 'javascript', 'json', 'python', 'sql', 'typescript', 'yaml'] as const;

/** GitHub's current themes, whose colours keep a 4.5:1 contrast on their own backgrounds. */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const highlighter = await createHighlighter({ themes: Object.values(THEMES), langs: [...COMMON_LANGUAGES] });

/** Loads the grammars for these fence languages (names or aliases), skipping unknown and loaded ones. */
export async function loadCodeLanguages(languages: Iterable<string>): Promise<void> {
  const loaded = new Set(highlighter.getLoadedLanguages());
  const wanted = [...new Set([...languages].map((l) => l.toLowerCase()))].filter((l) => l in bundledLanguages && !loaded.has(l));
  if (wanted.length) await highlighter.loadLanguage(...(wanted as (keyof typeof bundledLanguages)[]));
}

/** The languages named on a note's code fences (```ts, ~~~python). */
export function fenceLanguages(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/^[ \t>]*(?:```|~~~)[ \t]*([\w+#.-]+)/gm)) found.add(match[1]!.toLowerCase());
  return found;
}

export interface RehypeCodeHighlightOptions {
  /** How a block with no language, or one not loaded, is shown. Default `text`: plain, in the same frame. */
  fallbackLanguage?: string;
}

export default function rehypeCodeHighlight(options: RehypeCodeHighlightOptions = {}) {
  const fallbackLanguage = options.fallbackLanguage ?? 'text';
  return rehypeShikiFromHighlighter(highlighter, {
    themes: THEMES,
    // Colours only as variables: the stylesheet chooses, so the page follows the reader's scheme.
    defaultColor: false,
    defaultLanguage: fallbackLanguage,
    fallbackLanguage,
    addLanguageClass: true,
    // Shiki stops colouring a line after 500 ms by default; on a busy machine a grammar's first line can take that
    // long, and the same note would come out coloured differently from build to build.
    tokenizeTimeLimit: 10_000,
  });
}
