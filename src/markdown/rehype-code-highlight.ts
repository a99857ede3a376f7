/**
 * Why: code blocks are highlighted at build time with Shiki, so readers get
 * coloured code with no script, in a light and a dark theme at once: every
 * token carries both colours as CSS variables (`--shiki-light`,
 * `--shiki-dark`) and src/styles/site.css picks one by colour scheme.
 *
 * The site renders notes synchronously, so the highlighter and its languages
 * are loaded once, up front; loading all of Shiki's 300-odd grammars takes
 * seconds, so a list of common ones is loaded (about 0.3 s). A block in
 * another language, or with none, is shown as plain text in the same frame.
 * `<pre class="mermaid">` has no `<code>` inside, so diagrams are left alone.
 */
import rehypeShikiFromHighlighter from '@shikijs/rehype/core';
import { createHighlighter } from 'shiki';

/** The languages highlighted, by Shiki's names; their aliases (`ts`, `sh`, `yml`, `py`, …) work too. */
const HIGHLIGHTED_LANGUAGES = [
  'bash', 'c', 'cpp', 'csharp', 'css', 'csv', 'dart', 'diff', 'docker', 'dotenv', 'elixir', 'go', 'graphql', 'groovy',
  'haskell', 'hcl', 'html', 'http', 'ini', 'java', 'javascript', 'json', 'jsonc', 'jsx', 'kotlin', 'latex', 'log',
  'lua', 'make', 'markdown', 'nginx', 'nix', 'php', 'powershell', 'properties', 'proto', 'python', 'r', 'ruby', 'rust',
  'scala', 'scss', 'shellsession', 'sql', 'swift', 'terraform', 'toml', 'tsx', 'typescript', 'xml', 'yaml',
] as const;

/** GitHub's current themes, whose colours keep a 4.5:1 contrast on their own backgrounds. */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

const highlighter = await createHighlighter({ themes: Object.values(THEMES), langs: [...HIGHLIGHTED_LANGUAGES] });

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
  });
}
