/**
 * Debian's Chromium, driven by playwright-core: one place for its path, its flags and the error a
 * person sees when it is missing. The browser gates and the search benchmark both launch it here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { readSetting } from '../../../content/schema/settings-read.ts';

/** The system Chromium (Debian package `chromium`); playwright-core never downloads a browser. */
export const CHROMIUM_PATH = readSetting('HONGHEI_CHROMIUM', process.env);

/** Flags for every launch: headless, offline-friendly, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The apt-get command that installs what the browser checks need. */
export const CHROMIUM_INSTALL =
  'apt-get install -y --no-install-recommends chromium fonts-noto-cjk';

/**
 * Throws (never skips) when Chromium is missing: a browser gate that quietly did not run would
 * look like a gate that passed.
 */
export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser checks need Debian's Chromium and CJK fonts. ` +
        `Install them with \`sudo ${CHROMIUM_INSTALL}\` (or set HONGHEI_CHROMIUM to another Chromium binary).`,
    );
  }
}

/**
 * Throws when no font covers Chinese: pages would render as empty boxes (tofu) and screenshots
 * would hide it from a reviewer.
 */
export function assertCjkFont(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch (cause) {
    throw new Error(
      `could not list fonts with fc-list (fontconfig): install \`sudo ${CHROMIUM_INSTALL}\``,
      { cause },
    );
  }
  if (!fonts.trim())
    throw new Error(
      `no font for Chinese is installed (fc-list :lang=zh is empty): Chinese would render as boxes. Install one with \`sudo ${CHROMIUM_INSTALL}\``,
    );
}

/** Launches headless Chromium with the shared flags. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}
