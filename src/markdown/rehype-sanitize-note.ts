/**
 * Why: a note may hold raw HTML, and Obsidian renders it but sanitises it:
 * no `<script>`, `<style>` or `<iframe>`, no `on…` handlers, no
 * `javascript:` URLs. This does the same with rehype-sanitize, on the tree
 * right after rehype-raw has parsed the note's HTML, so a Markdown link to
 * `javascript:` is caught too.
 *
 * The whole tree passes through here, Quire's own markup included, so the
 * schema (GitHub's, widened) must keep all of it: ids as they are (block ids
 * like `^key-fact`, footnote ids), any class, `data-*` attributes (the
 * `data-quire-link` placeholder of a wiki-link, `data-callout*`, footnotes),
 * `<details>`/`<summary>`, `<mark>`, task-list checkboxes. Anything Quire
 * adds to a note's body before this step must be allowed here. Plugins that
 * run after it (KaTeX, Shiki, external links, heading ids) are not affected.
 * Inline `style` attributes are kept, as Obsidian keeps them; `<style>`
 * elements are not.
 */
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';

export interface RehypeSanitizeNoteOptions {
  /** Extra elements to allow, for markup a later feature adds before this step. */
  tagNames?: string[];
}

const EXTRA_TAGS = ['mark', 'u', 'abbr', 'cite', 'small', 'figure', 'figcaption', 'caption', 'colgroup', 'col', 'video', 'audio', 'track', 'wbr'];

/** Removed with everything inside them, not just unwrapped. */
const STRIP = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'select'];

type Attributes = NonNullable<Schema['attributes']>;

/** GitHub's attributes without their per-element class lists (`a` may only be `data-footnote-backref`), since any class is allowed. */
const githubAttributes: Attributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, allowed]) => [tag, allowed.filter((entry) => (typeof entry === 'string' ? entry : entry[0]) !== 'className')]),
);

const SCHEMA: Schema = {
  ...defaultSchema,
  // Keep ids exactly: links and block ids point at them.
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  strip: STRIP,
  attributes: {
    ...githubAttributes,
    '*': [
      ...(githubAttributes['*'] ?? []),
      'className',
      'style',
      'data*',
      'role',
      'ariaHidden',
      'ariaLabel',
      'ariaDescribedBy',
      'ariaLabelledBy',
    ],
    img: [...(githubAttributes['img'] ?? []), 'loading'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    source: [...(githubAttributes['source'] ?? []), 'src', 'type'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: [...(defaultSchema.protocols?.['href'] ?? []), 'tel'],
    poster: ['http', 'https'],
  },
};

export default function rehypeSanitizeNote(options: RehypeSanitizeNoteOptions = {}) {
  const schema: Schema = options.tagNames ? { ...SCHEMA, tagNames: [...SCHEMA.tagNames!, ...options.tagNames] } : SCHEMA;
  return rehypeSanitize(schema);
}
