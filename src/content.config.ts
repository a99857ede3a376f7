import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { sharedSettings } from './site/settings.ts';
import { builtVault } from './site/vault.ts';

/**
 * `.mdx` notes are compiled by @astrojs/mdx, so they are loaded as a content
 * collection too; the vault model still owns their URLs, links and backlinks.
 * Only published notes are loaded (the model has been built by the time this
 * runs): a private note or one that does not parse is never compiled.
 * An entry's id is its path in the vault.
 */
const published = builtVault()?.mdxNotes;
const mdxNotes = defineCollection({
  loader:
    published?.size === 0
      ? async () => []
      : glob({
          pattern: published ? [...published.keys()] : ['**/*.mdx', '!**/.*/**'],
          base: sharedSettings().contentDir,
          generateId: ({ entry }) => entry,
        }),
});

export const collections = { mdxNotes };
