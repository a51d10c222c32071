// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// The public site: sources in site/, content in content/, output in dist/ (or HONGHEI_OUT_DIR).
export default defineConfig({
  srcDir: './site',
  outDir: process.env.HONGHEI_OUT_DIR || './dist',
  // A separate cache per concurrent build (tests, benchmarks) keeps their content stores apart.
  cacheDir: process.env.HONGHEI_CACHE_DIR || './node_modules/.astro',
  site: process.env.HONGHEI_SITE_URL || undefined,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
