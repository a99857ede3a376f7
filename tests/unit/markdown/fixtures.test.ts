import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../helpers/fixtures.ts';
import { renderMarkdown } from '../../helpers/render-markdown.ts';

/**
 * Whole notes through the whole pipeline: each folder of
 * tests/fixtures/markdown holds an `input.md` and the `output.html` it must
 * render to. After a deliberate change, `UPDATE_FIXTURES=1` rewrites the
 * outputs, which then need reading before they are committed.
 */
const root = fixture('markdown');

describe('Markdown fixtures', () => {
  for (const name of readdirSync(root)) {
    it(`renders ${name}/input.md as ${name}/output.html`, () => {
      const input = readFileSync(path.join(root, name, 'input.md'), 'utf8');
      const outputFile = path.join(root, name, 'output.html');
      const html = `${renderMarkdown(input)}\n`;
      if (process.env.UPDATE_FIXTURES) writeFileSync(outputFile, html);
      expect(html).toBe(readFileSync(outputFile, 'utf8'));
    });
  }
});
