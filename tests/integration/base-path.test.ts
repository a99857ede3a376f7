import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { checkLinks } from '../helpers/link-checker.ts';
import { serveSite, type StaticSite } from '../helpers/serve.ts';

let build: BuildResult;
let site: StaticSite;

beforeAll(async () => {
  build = await buildSite({ base: '/notes/' });
  site = await serveSite(build.outDir, '/notes/');
});
afterAll(() => site?.close());

describe('a site built with BASE_PATH=/notes/', () => {
  it('builds', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('has every internal link, asset and fragment under /notes/', async () => {
    const report = await checkLinks(build.outDir, '/notes/');
    expect(report.broken).toEqual([]);
    expect(report.links).toBeGreaterThan(300);
  });

  it('serves under /notes/: each page the home page links to answers, with its styles and scripts', async () => {
    const home = await fetch(`${site.origin}/notes/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const urls = [...html.matchAll(/(?:href|src)="(\/[^"#]*)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of new Set(urls)) {
      expect(url.startsWith('/notes/'), url).toBe(true);
      const response = await fetch(`${site.origin}${url}`);
      expect(response.status, url).toBe(200);
    }
    expect((await fetch(`${site.origin}/notes/pagefind/pagefind.js`)).status).toBe(200);
  });
});

describe('a fixture vault built with BASE_PATH=/notes/', () => {
  it('has every link, image, attachment and fragment under /notes/', async () => {
    const fixture = await buildSite({ contentDir: 'tests/fixtures/conformance-vault', base: '/notes/' });
    expect(fixture.code, fixture.output).toBe(0);
    const report = await checkLinks(fixture.outDir, '/notes/');
    expect(report.broken).toEqual([]);
    expect(report.fragments).toBeGreaterThan(20);
  });
});
