/**
 * The running bot opens its private store from the environment (a directory out of the box; one
 * inside content/ refused before anything starts) and serves signed links on its one HTTP server
 * (bot/run/http-server.ts), in polling mode as in webhook mode.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../../bot/run/app.ts';
import { sh } from '../forge/fixtures.ts';
import { contentCopy, TEST_TOKEN, tempDir } from '../support/harness.ts';
import { distinctPdf } from './support.ts';
import { sampleFile } from '../../fixtures/roots.ts';

describe('the running bot and its private store', () => {
  it("opens a directory store out of the box and serves its signed links on the bot's HTTP server; refuses a store inside content/", async () => {
    const root = contentCopy();
    sh(root, 'init', '-q', '-b', 'main');
    const state = tempDir('honghei-app-');
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      HONGHEI_CONTENT_ROOT: root,
      HONGHEI_REPO: root,
      HONGHEI_SUBMITTERS: sampleFile('submitters.yaml'),
      HONGHEI_BOT_DB: join(state, 'bot.sqlite'),
      HONGHEI_OUTBOX_DIR: join(state, 'outbox'),
      HONGHEI_PRIVATE_DIR: join(state, 'private'),
    };
    const app = await openApp('polling', env);
    const files = app.services.privateFiles;
    expect(files.store.kind).toBe('dir');
    const pdf = distinctPdf();
    const stored = await files.store.put(pdf, {
      name: 'app-1.pdf',
      type: 'application/pdf',
      kind: 'pledge',
    });
    // The route is in the bot's one HTTP server, in polling mode too.
    const { port } = await app.http.listen('127.0.0.1', 0);
    try {
      const base = `http://127.0.0.1:${port}`;
      const link = files.links
        .url({ sha256: stored.sha256, name: 'app-1.pdf' })
        .replace(files.links.baseUrl, base);
      const r = await fetch(link);
      expect([r.status, Buffer.from(await r.arrayBuffer())]).toEqual([200, pdf]);
      expect((await fetch(link.replace('exp=', 'exp=1'))).status).toBe(403);
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      await app.http.drain(Date.now() + 2000);
      await app.close();
    }
    await expect(
      openApp('polling', { ...env, HONGHEI_PRIVATE_DIR: join(root, 'content', 'private') }),
    ).rejects.toThrow(/HONGHEI_PRIVATE_DIR .* is inside content\/, which is published/);
  });
});
