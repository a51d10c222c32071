// @ts-check
import { defineConfig } from 'astro/config';

// The framework floor: the least an Astro site can do with the same records — one page per record
// and a paginated list — so the benchmark can say how much of our build time is Astro's own.
export default defineConfig({
  outDir: process.env.FLOOR_OUT_DIR || './dist',
  cacheDir: process.env.FLOOR_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // The bench's --floor-incremental measures what Astro 7's incremental build saves on a republish.
  experimental: process.env.FLOOR_INCREMENTAL ? { incrementalBuild: true } : {},
});
