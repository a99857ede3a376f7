import { describe, expect, it } from 'vitest';
import { findHeading, headingKey, type Heading } from '../../src/vault/headings.ts';
import { asElementId, asSlug } from '../../src/vault/types.ts';

const heading = (depth: number, text: string, id: string): Heading => ({
  depth,
  text,
  displayText: text,
  id: asElementId(id),
  page: asSlug('page'),
  line: 1,
});

const headings = [
  heading(1, 'Chapter 4: Ingest Data into the Cloud', 'chapter-4-ingest-data-into-the-cloud'),
  heading(2, 'What is S3?', 'what-is-s3'),
  heading(2, 'Notes', 'notes'),
  heading(3, 'Details', 'details'),
  heading(2, 'Notes', 'notes-1'),
  heading(3, 'Details', 'details-1'),
  heading(3, '[[Amazon SageMaker#SageMaker Pipelines]]', 'amazon-sagemaker--sagemaker-pipelines'),
  heading(2, 'A & B', 'a--b'),
];

describe('headingKey', () => {
  it('drops the characters Obsidian leaves out of heading links', () => {
    expect(headingKey('Chapter 4: Ingest Data into the Cloud')).toBe(headingKey('Chapter 4 Ingest Data into the Cloud'));
    expect(headingKey('[[Amazon SageMaker#SageMaker Pipelines]]')).toBe(headingKey('Amazon SageMaker SageMaker Pipelines'));
  });
});

describe('findHeading', () => {
  it.each([
    [['Chapter 4 Ingest Data into the Cloud'], 'chapter-4-ingest-data-into-the-cloud'],
    [['chapter 4: ingest data into the cloud'], 'chapter-4-ingest-data-into-the-cloud'],
    [['What is S3?'], 'what-is-s3'],
    [['What is S3'], 'what-is-s3'],
    // Several headings share a text: a plain link goes to the first, a chain picks by its parents.
    [['Notes'], 'notes'],
    [['Details'], 'details'],
    [['Notes', 'Details'], 'details'],
    [['Chapter 4 Ingest Data into the Cloud', 'Notes', 'Details'], 'details'],
    [['Amazon SageMaker SageMaker Pipelines'], 'amazon-sagemaker--sagemaker-pipelines'],
    [['A & B'], 'a--b'],
  ])('finds %j at #%s', (chain, id) => {
    expect(findHeading(headings, chain)?.id).toBe(id);
  });

  it('finds the second of two same-named sections through its chain', () => {
    const second = [heading(2, 'Notes', 'notes'), heading(2, 'Summary', 'summary'), heading(3, 'Notes', 'notes-1')];
    expect(findHeading(second, ['Summary', 'Notes'])?.id).toBe('notes-1');
  });

  it.each([[['Missing']], [['Details', 'Notes']], [[]]])('finds nothing for %j', (chain) => {
    expect(findHeading(headings, chain)).toBeUndefined();
  });
});
