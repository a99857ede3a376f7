import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // In CI, the browser tests must be able to run: see tests/helpers/browser-setup.ts.
    globalSetup: ['tests/helpers/browser-setup.ts'],
    // Integration tests run real Astro builds; one at a time keeps them within two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    // Browser tests wait on real loading (the search index, a fetched preview); on a busy two-core machine that can take seconds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
