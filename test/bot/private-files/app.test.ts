/**
 * The running bot opens its private store from the environment (a directory out of the box; one
 * inside content/ refused before anything starts) and serves signed links on its HTTP server
 * beside the Telegram webhook.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateFileHandler } from '../../../bot/private-files/http-handler.ts';
import { openApp, webhookServer } from '../../../bot/run/app.ts';
import { sh } from '../forge/fixtures.ts';
import { contentCopy, harness, TEST_TOKEN, tempDir } from '../support/harness.ts';
import { distinctPdf } from './support.ts';

describe('the running bot and its private store', () => {
  it('opens a directory store out of the box, and refuses one inside content/', async () => {
    const root = contentCopy();
    sh(root, 'init', '-q', '-b', 'main');
    const state = tempDir('honghei-app-');
    const env = { BOT_TOKEN: TEST_TOKEN, HONGHEI_ROOT: root, HONGHEI_REPO: root, HONGHEI_SUBMITTERS: join(new URL('../../..', import.meta.url).pathname, 'bot/submitters.yaml'), HONGHEI_BOT_DB: join(state, 'bot.sqlite'), HONGHEI_OUTBOX_DIR: join(state, 'outbox'), HONGHEI_PRIVATE_DIR: join(state, 'private') };
    const app = await openApp('polling', env);
    expect(app.services.privateFiles.store.kind).toBe('dir');
    const stored = await app.services.privateFiles.store.put(distinctPdf(), { name: 'app-1.pdf', type: 'application/pdf', kind: 'pledge' });
    expect(await app.services.privateFiles.store.stat(stored.sha256)).toMatchObject({ name: 'app-1.pdf' });
    await app.close();
    await expect(openApp('polling', { ...env, HONGHEI_PRIVATE_DIR: join(root, 'content', 'private') })).rejects.toThrow(/HONGHEI_PRIVATE_DIR .* is inside content\/, which is published/);
  });

  it('serves signed links on the webhook server, leaving the other paths as they were', async () => {
    const h = harness();
    const pdf = distinctPdf();
    const stored = await h.privateFiles.store.put(pdf, { name: 'hook-1.pdf', type: 'application/pdf', kind: 'evidence' });
    const server = webhookServer(h.bot, { path: '/telegram', routes: [privateFileHandler(h.privateFiles)] });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const link = h.privateFiles.links.url({ sha256: stored.sha256, name: 'hook-1.pdf' }).replace('http://127.0.0.1:8080', base);
      const r = await fetch(link);
      expect([r.status, Buffer.from(await r.arrayBuffer())]).toEqual([200, pdf]);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
