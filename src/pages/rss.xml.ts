import type { APIRoute } from 'astro';
import { rss } from '../site/feeds.ts';
import { loadVault } from '../site/vault.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(rss(await loadVault(), site ?? new URL('http://localhost:4321/')), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
