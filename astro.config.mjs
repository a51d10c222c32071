// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { loadPublisher } from './content/schema/source.ts';
import { loadSiteSettings } from './site/build/settings.ts';
import { staleOutput } from './site/lib/build-cache/stale-output.ts';
import { openData } from './site/lib/export/integration.ts';

// The public site: sources in site/, content in content/ (the sample until `npm run init`, or
// HONGHEI_CONTENT_ROOT), output in
// dist/ (or HONGHEI_OUT_DIR). The site's address comes from the publisher's configuration.
// Settings: site/build/settings.ts (checked once more here for `astro` run by hand).
const settings = loadSiteSettings();

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: settings.outDir ?? './dist',
  // A separate cache per concurrent build (tests, benchmarks) keeps their content stores apart.
  cacheDir: settings.cacheDir ?? './node_modules/.astro',
  site: settings.siteUrl ?? loadPublisher(settings.contentRoot).site_url,
  trailingSlash: 'always',
  // Two pages in flight: rendering overlaps file writes (research/astro.md: 20k pages 22.96 s → 19.32 s).
  build: { format: 'directory', concurrency: 2, inlineStylesheets: 'never' },
  // sitemap-index.xml: every page of the build, which has only public entries; openData() writes
  // the lookup files /data/lookup/<code>.json after the build (open-data helper).
  integrations: [mdx(), sitemap(), openData(), staleOutput()],
  devToolbar: { enabled: false },
  // Incremental builds: a page whose cacheKey (site/lib/build-cache/) and templates are unchanged
  // since the last build is left as it is in the output folder (or copied back from the cache),
  // so the output folder is not emptied first; staleOutput() removes what Astro wrote last time
  // and not this time. Without the cache (cacheDir) the build is simply a full one.
  experimental: { incrementalBuild: true },
  vite: { build: { emptyOutDir: false } },
});
