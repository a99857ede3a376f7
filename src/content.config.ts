import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { sharedSettings } from './site/settings.ts';

/**
 * `.mdx` notes are compiled by @astrojs/mdx, so they are loaded as a content
 * collection too; the vault model still owns their URLs, links and backlinks.
 * An entry's id is its path in the vault.
 */
const mdxNotes = defineCollection({
  loader: glob({
    pattern: ['**/*.mdx', '!**/.*/**'],
    base: sharedSettings().contentDir,
    generateId: ({ entry }) => entry,
  }),
});

export const collections = { mdxNotes };
