import { beforeAll, describe, expect, it } from 'vitest';
import type { NotePage, ServicePage, Vault } from '../../src/vault/index.ts';
import { fixture, linksIn, notePage, page, vaultOf } from '../helpers/fixtures.ts';

let vault: Vault;
const hub = (slug: string) => page(vault, slug) as ServicePage;
beforeAll(async () => {
  vault = await vaultOf(fixture('services-vault'));
});

describe('service hubs', () => {
  it('gives every catalog entry a hub at /services/<name>/', () => {
    expect(vault.services.map((c) => [c.category, c.services.map((s) => s.href)])).toEqual([
      ['Analytics', ['/services/aws-glue/']],
      ['Compute', ['/services/amazon-ec2/']],
      ['Storage', ['/services/amazon-s3/']],
    ]);
  });

  it('makes a note named after a service the hub: its text first, its headings as sections', () => {
    const s3 = hub('services/amazon-s3');
    expect(s3.note?.html).toContain('<h2 id="buckets">Buckets</h2>');
    expect(s3.note?.tags.map((t) => t.tag)).toEqual(['storage']);
    expect(vault.notes.map((n) => n.title)).toEqual(['Guide']);
    expect(vault.pages.some((p) => p.slug === 'services/amazon-s3-2' || p.slug === 'services/amazon-s3/amazon-s3')).toBe(false);
  });

  it('lands a link on the note’s heading when it has one, and on a gathered section when not', () => {
    const html = notePage(vault, 'guide').html;
    const links = Object.fromEntries(linksIn(html).map((l) => [l.text, l.href]));
    expect(links['Amazon S3 > Buckets']).toBe('/services/amazon-s3/#buckets');
    expect(links['S3 > Versioning']).toBe('/services/amazon-s3/#versioning');
    expect(links['AWS Glue > DataBrew']).toBe('/services/aws-glue/#databrew');
    expect(links.Glue).toBe('/services/aws-glue/');
    expect(vault.problems).toEqual([]);
  });

  it('groups the passages that link to a service by the sub-feature they name', () => {
    const glue = hub('services/aws-glue');
    expect(glue.sections.map((s) => [s.heading ?? null, s.id, s.backlinks.length])).toEqual([
      [null, 'linked-from', 1],
      ['DataBrew', 'databrew', 1],
    ]);
    expect(glue.sections[1]!.backlinks[0]).toMatchObject({ href: '/guide/#processing', trail: ['Guide', 'Processing'] });
    const s3 = hub('services/amazon-s3');
    expect(s3.sections.map((s) => s.heading)).toEqual(['Buckets', 'Versioning']);
    // The gathered section's id must not collide with the note's own `buckets` heading.
    expect(s3.sections[0]!.id).toBe('buckets-1');
  });

  it('lists plain-text mentions apart, whole words, short names in their own case', () => {
    expect(hub('services/amazon-ec2').mentions.map((m) => m.excerpt)).toEqual(['Clean it with AWS Glue > DataBrew or Glue, then train on EC2 instances.']);
    expect(hub('services/amazon-s3').mentions).toEqual([]);
  });

  it('counts the passages that name each service', () => {
    const counts = Object.fromEntries(vault.services.flatMap((c) => c.services.map((s) => [s.name, s.passages])));
    expect(counts).toEqual({ 'Amazon S3': 1, 'AWS Glue': 1, 'Amazon EC2': 1 });
  });

  it('knows which services each section of a page touches', () => {
    const guide = notePage(vault, 'guide') as NotePage;
    expect(guide.services.map((s) => s.name)).toEqual(['Amazon EC2', 'Amazon S3', 'AWS Glue']);
    // The page lists them after the H2 of each section that names one; the note's own HTML holds none of them.
    expect(guide.sectionServices.map(({ at, services }) => [guide.html.slice(0, at).match(/<h2 id="([^"]+)">[^<]*<\/h2>$/)?.[1], services.map((s) => s.href)])).toEqual([
      ['storage', ['/services/amazon-s3/']],
      ['processing', ['/services/amazon-ec2/', '/services/aws-glue/']],
    ]);
    expect(guide.html).not.toContain('service-chip');
    expect(guide.html).toMatch(/<h2 id="elsewhere">Elsewhere<\/h2>\n<p>/);
  });

  it('has no hubs when the vault has no catalog', async () => {
    const plain = await vaultOf(fixture('links-vault'));
    expect(plain.services).toEqual([]);
    expect(plain.pages.some((p) => p.kind === 'service')).toBe(false);
  });
});
