/**
 * What every browser gate needs: the sample site served on 127.0.0.1, Debian's Chromium, and a
 * page at a given width. Chromium missing is a failure with the install command, never a skip.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/bench/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/bench/lib/static-server.ts';
import { pageUrls, REPO, WIDTHS, type PageType } from './site.ts';

/** Where screenshots go (gitignored test artifacts a reviewer can open). */
export const SCREENSHOT_DIR = join(REPO, 'test-results/screenshots');

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
  urls: Record<PageType, string>;
  /** Absolute URL of a path on the served site. */
  at(path: string): string;
  /** A fresh context (own cache and storage) at a width; closed by close(). */
  context(width: keyof typeof WIDTHS, options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Serves the built site and launches Chromium. */
export async function openSite(siteDir: string, date: string): Promise<SiteSession> {
  const urls = pageUrls(siteDir, date);
  const server = await startStaticServer(siteDir);
  const browser = await launchChromium();
  return {
    server,
    browser,
    urls,
    at: (path) => `${server.url}${path}`,
    async context(width, options = {}) {
      // Closed with the browser in close().
      return browser.newContext({
        viewport: WIDTHS[width],
        locale: 'zh-CN',
        ...(width === 'mobile' ? { isMobile: true, hasTouch: true } : {}),
        ...options,
      });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Collects console errors and failed requests of a page, to assert a clean load. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // "Failed to load resource" repeats a failed response without its URL: the response listener
  // reports those, with the URL.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource') &&
      errors.push(`console: ${m.text()}`),
  );
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>.png; returns its path. Scrolls
 * through the page first so lazily loaded pictures are in the picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    scrollTo(0, 0);
    // decode() settles once a picture has loaded (or failed); a broken one is the axe/errors checks' job.
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
