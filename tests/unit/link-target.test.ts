import { describe, expect, it } from 'vitest';
import { linkDisplayText, parseLinkTarget } from '../../src/vault/prepare/link-target.ts';

describe('parseLinkTarget', () => {
  it.each([
    ['Note', { path: 'Note', headings: [] }],
    ['Note.md', { path: 'Note', headings: [] }],
    ['folder/Note', { path: 'folder/Note', headings: [] }],
    ['Note#Heading', { path: 'Note', headings: ['Heading'] }],
    ['Note#Heading#Sub', { path: 'Note', headings: ['Heading', 'Sub'] }],
    ['#Heading', { path: '', headings: ['Heading'] }],
    ['Note#^block-id', { path: 'Note', headings: [], block: 'block-id' }],
    ['Data Science on AWS#Chapter 4 Ingest Data into the Cloud', { path: 'Data Science on AWS', headings: ['Chapter 4 Ingest Data into the Cloud'] }],
    // Inside a table cell the alias divider is written `\|`; the backslash is not part of the name.
    ['Home\\', { path: 'Home', headings: [] }],
  ])('reads [[%s]]', (raw, expected) => {
    expect(parseLinkTarget(raw)).toEqual(expected);
  });
});

describe('linkDisplayText', () => {
  it.each([
    ['Note', undefined, 'Note'],
    ['Note', 'shown', 'shown'],
    ['Amazon SageMaker#Studio', undefined, 'Amazon SageMaker > Studio'],
    ['Note#A#B', undefined, 'Note > A > B'],
    ['#Heading', undefined, 'Heading'],
    ['Note#^id', undefined, 'Note > ^id'],
    ['Step 2', 'Step 2: pick an engine', 'Step 2: pick an engine'],
  ])('shows [[%s|%s]] as “%s”', (raw, alias, shown) => {
    expect(linkDisplayText(parseLinkTarget(raw), alias)).toBe(shown);
  });
});
