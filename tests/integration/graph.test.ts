import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build-graph.ts';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { shippedVault, vaultOf } from '../helpers/fixtures.ts';
import { checkLinks } from '../helpers/link-checker.ts';

let build: BuildResult;
let graphPage: Root;
beforeAll(async () => {
  build = await buildSite({ contentDir: shippedVault });
  if (build.code === 0) graphPage = fromHtml(await readFile(path.join(build.outDir, 'graph', 'index.html'), 'utf8'));
});

describe('the graph page of the shipped vault', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('draws the graph as an SVG, with a link for every note, chapter, book, service and stub', async () => {
    const graph = buildGraph(await vaultOf(shippedVault));
    const svg = select('svg[data-graph]', graphPage);
    expect(svg).toBeDefined();
    expect(svg!.properties.ariaLabel).toMatch(/^Graph of \d+ pages/);
    const nodes = selectAll('a.graph-node', svg!);
    expect(nodes.map((a) => a.properties.href)).toEqual(graph.nodes.map((node) => node.href));
    const hrefs = nodes.map((a) => a.properties.href);
    expect(hrefs).toContain('/services/amazon-sagemaker/');
    expect(hrefs).toContain('/data-science-on-aws/chapter-1-introduction-to-data-science-on-aws/');
    expect(hrefs.some((href) => String(href).startsWith('/tags/'))).toBe(false);
  });

  it('gives each node a circle, a label, and its full name for screen readers', () => {
    for (const node of selectAll('a.graph-node', graphPage)) {
      expect(selectAll('circle', node)).toHaveLength(1);
      const label = toString(select('text', node)!).replace(/…$/, '');
      expect(label.length).toBeGreaterThan(0);
      // The visible label, shortened or not, is part of the accessible name (WCAG 2.5.3).
      expect(String(node.properties.ariaLabel)).toContain(label);
    }
    const sagemaker = selectAll('a.graph-node', graphPage).find((a) => a.properties.href === '/services/amazon-sagemaker/')!;
    expect(sagemaker.properties.className).toContain('kind-service');
    expect(String(sagemaker.properties.ariaLabel)).toMatch(/^Amazon SageMaker/);
  });

  it('draws every link between two pages as a line', async () => {
    const graph = buildGraph(await vaultOf(shippedVault));
    expect(selectAll('.graph-edges line', graphPage)).toHaveLength(graph.edges.length);
  });

  it('says how many pages it shows', () => {
    expect(toString(select('.graph-summary', graphPage)!)).toMatch(/^\d+ pages and the \d+ links between them\./);
  });

  it('leaves no link broken', async () => {
    const report = await checkLinks(build.outDir);
    expect(report.broken).toEqual([]);
  });
});
