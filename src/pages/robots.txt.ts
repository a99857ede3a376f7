import type { APIRoute } from 'astro';
import { robots } from '../site/feeds.ts';
import { loadVault } from '../site/vault.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(robots(await loadVault(), site ?? new URL('http://localhost:4321/')), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
