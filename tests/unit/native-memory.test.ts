import { describe, expect, it } from 'vitest';
import { withNativeMemoryReturned } from '../../src/cli/native-memory.ts';

describe('the environment Astro’s process starts with', () => {
  it('has the native modules’ allocator commit arenas as used and return freed pages at once', () => {
    const env = withNativeMemoryReturned({ PATH: '/usr/bin', CONTENT_DIR: 'vault' });
    expect(env).toEqual({ PATH: '/usr/bin', CONTENT_DIR: 'vault', MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' });
  });

  it('keeps a setting the user made', () => {
    const env = withNativeMemoryReturned({ MIMALLOC_PURGE_DELAY: '10', MIMALLOC_ARENA_EAGER_COMMIT: '1' });
    expect(env.MIMALLOC_PURGE_DELAY).toBe('10');
    expect(env.MIMALLOC_ARENA_EAGER_COMMIT).toBe('1');
  });
});
