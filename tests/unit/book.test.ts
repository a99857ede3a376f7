import { describe, expect, it } from 'vitest';
import { isBook, isChapterTitle, splitNote } from '../../src/vault/prepare/book.ts';
import { readFrontmatter } from '../../src/vault/prepare/frontmatter.ts';
import { parseMarkdown } from '../../src/vault/prepare/markdown.ts';

/** What a note is split into: each part's kind and its first line. */
function split(markdown: string): string[] {
  const tree = parseMarkdown(markdown);
  const properties = readFrontmatter(tree);
  if (!properties.ok) throw new Error(properties.message);
  return splitNote(tree, properties.data).map((part) => {
    const first = part.tree.children.find((node) => node.type !== 'yaml');
    const text = first && 'children' in first ? first.children.map((child) => ('value' in child ? child.value : '')).join('') : '';
    return `${part.kind}: ${text}`;
  });
}

describe('a book', () => {
  it.each([
    'Chapter 4: Ingest Data into the Cloud',
    'Chapter IV',
    'Part 2 — Rivers',
    'Part II',
    'Second Part',
    'Lesson three',
    'Week 12',
    'Module 1: Setup',
    'Lecture 7',
    'Unit 3',
    'Appendix A',
    '1. Foundations',
    '2 Setup',
    '3.1 Scope',
  ])('counts “%s” as a chapter', (title) => {
    expect(isChapterTitle(title)).toBe(true);
  });

  it.each(['Plugin Name', 'This note in GitHub', '2024 Review', 'Partners', 'Step by step', 'Introduction', 'References', 'Chapterhouse'])('does not count “%s” as a chapter', (title) => {
    expect(isChapterTitle(title)).toBe(false);
  });

  it('splits the shipped book’s twelve numbered chapters, its text before them the landing page', () => {
    const chapters = Array.from({ length: 12 }, (_, i) => `# Chapter ${i + 1}: Topic ${i + 1}\n\nText.\n`).join('\n');
    const parts = split(`By the authors.\n\n${chapters}`);
    expect(parts).toHaveLength(13);
    expect(parts[0]).toBe('book: By the authors.');
    expect(parts[12]).toBe('chapter: Chapter 12: Topic 12');
  });

  it('keeps as one page a note with a title heading and a template’s footer heading', () => {
    const note = '---\nplugin-id: calendar\ntags:\n  - \n---\n# Calendar\n\n%% Template: plugin %%\n\n![](https://img.shields.io/badge/stars-1k-blue)\n\nA calendar view.\n\n## Usage\n\nOpen it.\n\n# This note in GitHub\n\n[Edit it](https://github.com/example).\n';
    expect(split(note)).toEqual(['note: Calendar']);
  });

  it('keeps as one page a note whose few top-level headings are not mostly chapters', () => {
    expect(split('# Overview\n\nA.\n\n# Chapter 1\n\nB.\n\n# Notes\n\nC.\n\n# Links\n\nD.\n')).toEqual(['note: Overview']);
  });

  it('starts the book at its first chapter: a title heading before it belongs to the landing page, a conclusion after it is a chapter', () => {
    expect(split('# A Course in Data\n\nWelcome.\n\n# Lesson 1\n\nA.\n\n# Lesson 2\n\nB.\n\n# Conclusion\n\nC.\n')).toEqual([
      'book: A Course in Data',
      'chapter: Lesson 1',
      'chapter: Lesson 2',
      'chapter: Conclusion',
    ]);
  });

  it('follows the note’s own `book:` property either way', () => {
    expect(split('---\nbook: true\n---\n# Rivers\n\nA.\n\n# Mountains\n\nB.\n')).toEqual(['book: ', 'chapter: Rivers', 'chapter: Mountains']);
    expect(split('---\nbook: false\n---\n# Chapter 1\n\nA.\n\n# Chapter 2\n\nB.\n')).toEqual(['note: Chapter 1']);
    const tree = parseMarkdown('# Chapter 1\n\nOnly one.\n');
    expect(isBook(tree, {})).toBe(false);
  });
});
