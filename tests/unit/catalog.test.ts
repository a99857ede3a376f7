import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/vault/read/catalog.ts';
import { mentionFinder } from '../../src/vault/mentions.ts';
import { asVaultPath } from '../../src/vault/types.ts';
import { shippedVault } from '../helpers/fixtures.ts';

const file = asVaultPath('services.yaml');
const entry = (fields: string) => `- name: Amazon S3\n  aliases: [S3]\n  category: Storage\n  summary: Object storage.\n  docs: https://docs.aws.amazon.com/s3/\n${fields}`;

describe('parseCatalog', () => {
  it('reads the shipped catalog, which covers every service the notes link to', async () => {
    const result = parseCatalog(file, await readFile(path.join(shippedVault, 'services.yaml'), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const names = result.services.map((s) => s.name);
    for (const linked of ['Amazon SageMaker', 'AWS Step Functions', 'TensorFlow Extended (TFX)', 'Amazon EC2', 'Amazon S3', 'AWS Lake Formation', 'AWS Glue', 'Amazon Athena', 'Amazon Redshift', 'Amazon QuickSight', 'Pandas', 'AWS Deequ', 'AWS Lambda']) {
      expect(names).toContain(linked);
    }
    expect(result.services.find((s) => s.name === 'Amazon S3')).toMatchObject({ id: 'amazon-s3', aliases: ['S3', 'Simple Storage Service', 'Amazon Simple Storage Service'], category: 'Storage' });
  });

  it('accepts an empty catalog', () => {
    expect(parseCatalog(file, '# nothing yet\n')).toEqual({ ok: true, services: [] });
  });

  it.each([
    ['an unknown category', entry('- name: X\n  category: Storag\n  summary: s\n  docs: https://x.example/\n'), 7, 'entry 2 (X), field “category”: “Storag” is not a category'],
    ['a missing name', entry('- category: Storage\n  summary: s\n  docs: https://x.example/\n'), 6, 'entry 2, field “name”: is missing'],
    ['a missing summary', entry('- name: X\n  category: Storage\n  docs: https://x.example/\n'), 6, 'entry 2 (X), field “summary”: is missing'],
    ['a docs value that is not a URL', entry('- name: X\n  category: Storage\n  summary: s\n  docs: the AWS site\n'), 9, 'entry 2 (X), field “docs”: must be the URL'],
    ['a javascript: docs URL', entry('- name: X\n  category: Storage\n  summary: s\n  docs: "javascript:alert(document.domain)"\n'), 9, 'entry 2 (X), field “docs”: must be an http(s) URL (https://…), not “javascript:”'],
    ['a data: docs URL', entry('- name: X\n  category: Storage\n  summary: s\n  docs: data:text/html,<script>alert(1)</script>\n'), 9, 'entry 2 (X), field “docs”: must be an http(s) URL (https://…), not “data:”'],
    ['a docs URL of another scheme, in capitals', entry('- name: X\n  category: Storage\n  summary: s\n  docs: JAVASCRIPT:alert(1)\n'), 9, 'field “docs”: must be an http(s) URL'],
    ['an alias another service has', entry('- name: Simple Queue\n  aliases: [s3]\n  category: Storage\n  summary: s\n  docs: https://x.example/\n'), 6, 'entry 2 (Simple Queue): “s3” already names Amazon S3'],
    ['an unknown field', entry('- name: X\n  category: Storage\n  summary: s\n  docs: https://x.example/\n  url: https://x.example/\n'), 6, 'entry 2 (X): unknown field “url”'],
    ['a YAML syntax error', '- name: [unclosed\n', 2, 'Flow sequence'],
    ['a map instead of a list', 'name: Amazon S3\n', 1, 'must be a list of services'],
  ])('reports %s with its line', (_, text, line, message) => {
    const result = parseCatalog(file, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line, message: expect.stringContaining(message) })]));
  });
});

describe('mentionFinder', () => {
  const catalog = parseCatalog(file, `${entry('')}- name: Amazon SageMaker\n  aliases: [SageMaker]\n  category: Machine Learning\n  summary: s\n  docs: https://x.example/\n- name: Amazon SageMaker Autopilot\n  aliases: [Autopilot]\n  category: Machine Learning\n  summary: s\n  docs: https://x.example/\n`);
  if (!catalog.ok) throw new Error('fixture catalog');
  const find = (text: string) => mentionFinder(catalog.services)(text).map((s) => s.name);

  it.each([
    ['Put it in an S3 bucket.', ['Amazon S3']],
    ['Amazon s3 is object storage.', ['Amazon S3']],
    // Short aliases match in their own case only, and whole words only.
    ['s3 in lower case', []],
    ['The S3x format', []],
    ['sagemaker notebooks', ['Amazon SageMaker']],
    ['Amazon SageMaker Autopilot ranks models.', ['Amazon SageMaker Autopilot']],
    ['Nothing here.', []],
  ])('finds in “%s”: %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});
