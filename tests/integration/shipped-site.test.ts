import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { shippedVault } from '../helpers/fixtures.ts';
import { checkLinks } from '../helpers/link-checker.ts';

const BOOK = 'data-science-on-aws';
const CHAPTERS = [
  'chapter-1-introduction-to-data-science-on-aws',
  'chapter-2-data-science-use-cases',
  'chapter-3-automated-machine-learning',
  'chapter-4-ingest-data-into-the-cloud',
  'chapter-5-explore-the-dataset',
  'chapter-6-prepare-the-dataset-for-model-training',
  'chapter-7-train-your-first-model',
  'chapter-8-train-and-optimize-models-at-scale',
  'chapter-9-deploy-models-to-production',
  'chapter-10-pipelines-and-mlops',
  'chapter-11-streaming-analytics-and-machine-learning',
  'chapter-12-secure-data-science-on-aws',
];

let build: BuildResult;
const page = async (slug: string) => fromHtml(await readFile(path.join(build.outDir, slug, 'index.html'), 'utf8'));

beforeAll(async () => {
  build = await buildSite();
});

describe('the shipped vault, built', () => {
  it('builds and says what it did', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toContain('Quire: 1 note read: 1 published, 0 private, 0 unreadable');
    expect(build.output).toContain('Quire: 32 links: 31 resolved, 1 to stubs');
  });

  it('publishes the book as a landing page and 12 chapter pages, in order', async () => {
    const landing = await page(BOOK);
    expect(toString(selectAll('h1', landing)[0]!)).toBe('Data Science on AWS');
    const contents = selectAll('.book-contents > ol > li > a', landing).map((a) => a.properties.href);
    expect(contents).toEqual(CHAPTERS.map((c) => `/${BOOK}/${c}/`));
    for (const [i, chapter] of CHAPTERS.entries()) {
      const tree = await page(`${BOOK}/${chapter}`);
      expect(toString(selectAll('.note-body h1', tree)[0]!)).toMatch(new RegExp(`^Chapter ${i + 1}: `));
      expect(toString(selectAll('.chapter-place', tree)[0]!)).toBe(`Chapter ${i + 1} of 12`);
      // Only Chapter 1 has notes so far; the others say so rather than look broken.
      expect(selectAll('.empty-note', tree).length).toBe(i === 0 ? 0 : 1);
    }
  });

  it('shows the authors’ tags on the landing page, linked to tag pages', async () => {
    const tags = selectAll('.note-body a.tag', await page(BOOK)).map((a) => [toString(a), a.properties.href]);
    expect(tags).toEqual([
      ['#ChrisFregly', '/tags/chrisfregly/'],
      ['#AntjeBarth', '/tags/antjebarth/'],
    ]);
  });

  it('turns all 32 wiki-links of the vault into links that land on real pages', async () => {
    const source = await readFile(path.join(shippedVault, 'Data Science on AWS.md'), 'utf8');
    const written = [...source.matchAll(/\[\[[^\]]+\]\]/g)].length;
    expect(written).toBe(32);
    const links = [];
    for (const slug of [BOOK, ...CHAPTERS.map((c) => `${BOOK}/${c}`)]) {
      links.push(...selectAll('.note-body a.internal', await page(slug)));
    }
    expect(links).toHaveLength(written);
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });

  it('sends Chapter 1’s links to Chapters 4, 5 and 6 to those pages', async () => {
    const chapter1 = await page(`${BOOK}/${CHAPTERS[0]}`);
    const hrefs = selectAll('.note-body a.internal', chapter1).map((a) => a.properties.href);
    for (const chapter of CHAPTERS.slice(3, 6)) expect(hrefs).toContain(`/${BOOK}/${chapter}/`);
  });

  it('lists Chapter 1, and the section it links from, among the backlinks of Chapters 4, 5 and 6', async () => {
    for (const chapter of CHAPTERS.slice(3, 6)) {
      const entries = selectAll('.backlinks .passage-page', await page(`${BOOK}/${chapter}`));
      const fromChapter1 = entries.find((b) => toString(selectAll('.passage-page-title', b)[0]!) === 'Chapter 1: Introduction to Data Science on AWS');
      expect(fromChapter1, chapter).toBeDefined();
      expect(toString(selectAll('.passage-place', fromChapter1!)[0]!)).toBe('Data Ingestion, Exploration, and Preparation in AWS');
      expect(selectAll('.passage-place', fromChapter1!)[0]!.properties.href).toBe(`/${BOOK}/${CHAPTERS[0]}/#data-ingestion-exploration-and-preparation-in-aws`);
    }
  });

  it('gives every service in the catalog a hub, and every linked one its passages', async () => {
    const linked = ['Amazon SageMaker', 'AWS Step Functions', 'TensorFlow Extended (TFX)', 'Amazon EC2', 'Amazon S3', 'AWS Lake Formation', 'AWS Glue', 'Amazon Athena', 'Amazon Redshift', 'Amazon QuickSight', 'Pandas', 'AWS Deequ', 'AWS Lambda'];
    const index = await page('services');
    const listed = selectAll('.service-list a', index).map((a) => toString(a));
    expect(listed).toEqual(expect.arrayContaining(linked));
    for (const a of selectAll('.service-list a', index)) {
      const hub = await page(String(a.properties.href).replace(/^\/|\/$/g, ''));
      expect(toString(selectAll('h1', hub)[0]!)).toBe(toString(a));
      expect(selectAll('.service-summary', hub)).toHaveLength(1);
      expect(selectAll('.service-docs a', hub)[0]!.properties.href).toMatch(/^https:\/\//);
      if (linked.includes(toString(a))) expect(selectAll('.service-passages .passage', hub).length, toString(a)).toBeGreaterThan(0);
    }
  });

  it('lists the services by category, with how many passages name each', async () => {
    const index = await page('services');
    const categories = selectAll('.service-category-list h2', index).map((h) => toString(h));
    expect(categories).toEqual([...categories].sort());
    expect(categories).toEqual(expect.arrayContaining(['Analytics', 'Compute', 'Machine Learning', 'Open-source library', 'Storage']));
    const s3 = selectAll('.service-list li', index).find((li) => toString(selectAll('a', li)[0]!) === 'Amazon S3')!;
    expect(toString(selectAll('.count', s3)[0]!)).toBe('2 passages');
  });

  it('gives the SageMaker hub a section per sub-feature, nested under its features, each linking to its passages in Chapter 1', async () => {
    const hub = await page('services/amazon-sagemaker');
    const heading = (section: Element) => selectAll('h2, h3', section)[0]!;
    const sections = selectAll('.passage-section', hub).map((section) => ({
      level: heading(section).tagName,
      heading: toString(heading(section)).replace(/\s*\d+ passages?$/, ''),
      id: heading(section).properties.id,
      spots: selectAll('.passage-place', section).map((a) => a.properties.href),
    }));
    expect(sections.map((s) => [s.level, s.heading, s.id])).toEqual([
      ['h2', 'In the notes', 'linked-from'],
      ['h3', 'SageMaker Pipelines', 'sagemaker-pipelines'],
      ['h3', 'Studio', 'studio'],
      ['h3', 'Data Wrangler', 'data-wrangler'],
      ['h3', 'Processing Jobs', 'processing-jobs'],
      ['h3', 'Ground Truth', 'ground-truth'],
    ]);
    expect(toString(select('#sub-features', hub)!)).toBe('Features');
    const chapter1 = `/${BOOK}/${CHAPTERS[0]}/`;
    for (const section of sections.slice(1)) {
      expect(section.spots.length, section.heading).toBeGreaterThan(0);
      for (const spot of section.spots) expect(String(spot).startsWith(`${chapter1}#`), String(spot)).toBe(true);
    }
  });

  it('sends [[Amazon SageMaker#Studio]] to the hub’s Studio section', async () => {
    const chapter1 = await page(`${BOOK}/${CHAPTERS[0]}`);
    const studio = selectAll('.note-body a.internal', chapter1).find((a) => toString(a) === 'Amazon SageMaker > Studio')!;
    expect(studio.properties.href).toBe('/services/amazon-sagemaker/#studio');
  });

  it('lists a plain-text mention among the passages on the service, once', async () => {
    const hub = await page('services/amazon-s3');
    const general = selectAll('.passage-section', hub).find((section) => select('h2#linked-from', section))!;
    expect(toString(general)).toContain('or S3 bucket');
    expect(toString(general).split('or S3 bucket')).toHaveLength(2);
  });

  it('marks, under each section of a chapter, the services it touches', async () => {
    const chapter1 = await page(`${BOOK}/${CHAPTERS[0]}`);
    const chips = selectAll('h2#data-ingestion-exploration-and-preparation-in-aws + .section-services a', chapter1).map((a) => toString(a));
    expect(chips).toEqual(expect.arrayContaining(['Amazon S3', 'AWS Glue', 'AWS Lake Formation', 'Amazon SageMaker', 'Amazon Athena']));
  });

  it('still gives a name with no note and no service a stub page', async () => {
    const stub = await page('stubs/topic-notes/mlops/data-flows/human-in-the-loop-workflows');
    expect(toString(selectAll('h1', stub)[0]!)).toBe('Human-in-the-loop Workflows');
    expect(selectAll('.passage-page-title', stub).map((a) => toString(a))).toEqual(['Chapter 1: Introduction to Data Science on AWS']);
  });

  it('indexes the book and the service hubs for search with Pagefind, and nothing else', async () => {
    const entry = JSON.parse(await readFile(path.join(build.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    const hubs = (await page('services').then((tree) => selectAll('.service-list a', tree))).length;
    expect(pages).toBe(13 + hubs);
  });
});
