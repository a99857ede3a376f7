import { describe, expect, it } from 'vitest';
import { findTags, propertyTags, tagKey, tagSlug } from '../../src/vault/prepare/tags.ts';
import { slugSegment } from '../../src/vault/slug.ts';

describe('findTags', () => {
  it.each([
    ['By #ChrisFregly & #AntjeBarth', ['ChrisFregly', 'AntjeBarth']],
    ['#inbox at the start of a line', ['inbox']],
    ['nested #project/quire/v1 tag', ['project/quire/v1']],
    ['#y1984 has a letter', ['y1984']],
    ['#1984 is only digits', []],
    ['#2024/05 is digits and slashes', []],
    ['page#setup is not a tag', []],
    ['unicode #café and #日本語', ['café', '日本語']],
    ['emoji #🚀launch', ['🚀launch']],
    ['with_underscore #snake_case and #kebab-case', ['snake_case', 'kebab-case']],
    ['a trailing slash #topic/ is dropped', ['topic']],
    ['punctuation ends it: #done, #next.', ['done', 'next']],
  ])('finds in “%s”: %j', (text, expected) => {
    expect(findTags(text, true).map((t) => t.tag)).toEqual(expected);
  });

  it('does not start a tag mid-word at the start of a text node that follows other text', () => {
    expect(findTags('#tag', false)).toEqual([]);
  });
});

describe('tags from properties', () => {
  it.each([
    ['a list', ['aws', '#ml', 'data/ops'], ['aws', 'ml', 'data/ops']],
    ['a string separated by commas', 'reference, obsidian/syntax', ['reference', 'obsidian/syntax']],
    ['a string separated by spaces', '#aws #ml', ['aws', 'ml']],
    ['a list with an empty item (`tags:` then a lone `- `)', ['plugin', null], ['plugin']],
    ['null (`tags:` with nothing after it)', null, []],
    ['an empty string', '', []],
    ['a list of one empty item', [null], []],
    ['digits only, which is no tag', ['2024', 'y2024'], ['y2024']],
  ])('reads %s', (_shape, value, expected) => {
    expect(propertyTags(value)).toEqual(expected);
  });
});

describe('tag identity and addresses', () => {
  it('treats #DataOps and #dataops as one tag', () => {
    expect(tagKey('DataOps')).toBe(tagKey('dataops'));
    expect(tagSlug('DataOps')).toBe(tagSlug('dataops'));
  });

  it.each([
    ['ChrisFregly', 'tags/chrisfregly'],
    ['project/Quire', 'tags/project/quire'],
    ['café', 'tags/café'],
    ['🚀', 'tags/u1f680'],
  ])('#%s lives at /%s/', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  it('keeps emoji-only names apart', () => {
    expect(slugSegment('🚀')).not.toBe(slugSegment('🌱'));
  });
});
