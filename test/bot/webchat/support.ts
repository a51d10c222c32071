/**
 * The web chat as the tests drive it: the bot of the bot tests (harness.ts) with the web channel
 * installed, its routes on a real BotHttpServer on a free port, and an in-process client that
 * acts as the page does (through the channel, without HTTP) for the fast tests and the fuzz.
 */
import { afterAll, expect } from 'vitest';
import { BotHttpServer } from '../../../bot/run/http-server.ts';
import type { WebSession } from '../../../bot/webchat/accounts.ts';
import { WebChannel } from '../../../bot/webchat/channel.ts';
import { webChatRoutes } from '../../../bot/webchat/http.ts';
import type { NumberedEvent, WebButton } from '../../../bot/webchat/transcript.ts';
import { atSummary, questionTitle, type Answer } from '../support/drive.ts';
import { harness, type HarnessOptions } from '../support/harness.ts';

const servers: BotHttpServer[] = [];
afterAll(async () => {
  for (const s of servers.splice(0)) await s.drain(Date.now() + 2000);
});

/** A bot with its web channel; `serve()` starts the HTTP routes. */
export function webHarness(options: HarnessOptions = {}) {
  const h = harness({ ...options, web: true });
  const web = h.web!;
  const channel = new WebChannel({ bot: h.bot, services: h.services, ...web });
  return {
    ...h,
    web,
    channel,
    /** Serves the web chat on 127.0.0.1 and a free port; resolves with its origin. */
    async serve(rateLimit = { limit: 10_000, windowMs: 60_000 }): Promise<string> {
      const http = new BotHttpServer({ onError: (m, e) => h.log.error(m, e) });
      http.route(
        webChatRoutes({
          channel,
          maxFileBytes: h.config.maxFileBytes,
          rateLimit,
          trustProxy: false,
          stopping: () => http.stopping,
        }),
      );
      servers.push(http);
      const { port } = await http.listen('127.0.0.1', 0);
      return `http://127.0.0.1:${port}`;
    },
    /** A person in the web chat, in process. */
    async person(invite?: string) {
      const { cookie, session } = await web.accounts.openSession();
      if (invite) expect(await web.accounts.redeem(cookie, invite)).toBeDefined();
      return new WebPerson(channel, session, cookie);
    },
  };
}

/** A web chat user driven in process: what they send goes through the channel. */
export class WebPerson {
  readonly channel: WebChannel;
  readonly cookie: string;
  session: WebSession;
  constructor(channel: WebChannel, session: WebSession, cookie: string) {
    this.channel = channel;
    this.session = session;
    this.cookie = cookie;
  }

  /** The whole transcript. */
  events(): Promise<NumberedEvent[]> {
    return this.channel.parts.transcripts.since(this.session.chatId, 0);
  }

  /** The latest entries (the last 30; a long fuzz would otherwise read the whole transcript). */
  async recent(): Promise<NumberedEvent[]> {
    const { transcripts } = this.channel.parts;
    const length = await transcripts.length(this.session.chatId);
    return transcripts.since(this.session.chatId, Math.max(0, length - 30));
  }

  /** The latest bot message (with its buttons, edits applied). */
  async last(): Promise<{ id: number; text: string; buttons: WebButton[][] }> {
    const bot =
      (await this.recent()).filter((e) => e.kind === 'bot').at(-1) ??
      (await this.events()).filter((e) => e.kind === 'bot').at(-1);
    if (!bot) return { id: 0, text: '', buttons: [] };
    return {
      id: bot.seq,
      ...(await this.channel.parts.transcripts.message(this.session.chatId, bot.seq)),
    };
  }

  /** The session as stored now (after a redeem). */
  async refresh(): Promise<void> {
    this.session = (await this.channel.parts.accounts.session(this.cookie))!;
  }

  say(text: string): Promise<void> {
    return this.channel.handle(this.session, { type: 'text', text });
  }

  upload(name: string, mime: string, bytes: Uint8Array): Promise<void> {
    return this.channel.handle(this.session, { type: 'file', name, mime, bytes });
  }

  /** Presses a button of the latest bot message that has one matching the label. */
  async press(label: string | RegExp): Promise<void> {
    const bots = (await this.recent()).filter((e) => e.kind === 'bot').reverse();
    for (const m of bots) {
      const now = await this.channel.parts.transcripts.message(this.session.chatId, m.seq);
      const b = now.buttons
        .flat()
        .find((x) => (typeof label === 'string' ? x.text.includes(label) : label.test(x.text)));
      if (b)
        return this.channel.handle(this.session, {
          type: 'button',
          messageId: m.seq,
          data: b.data,
        });
    }
    throw new Error(`no button "${String(label)}"; the last message: ${(await this.last()).text}`);
  }

  /** Answers questions (by title, as drive.ts) until the summary shows. */
  async fill(answers: Record<string, Answer>, maxSteps = 80): Promise<string[]> {
    const asked: string[] = [];
    const turns = new Map<string, number>();
    for (let i = 0; i < maxSteps; i++) {
      const { text } = await this.last();
      if (atSummary(text)) return asked;
      const title = questionTitle(text);
      if (!title) throw new Error(`the bot's last message is not a question:\n${text}`);
      let answer = answers[title];
      if (Array.isArray(answer)) {
        const turn = turns.get(title) ?? 0;
        turns.set(title, turn + 1);
        answer = answer[turn];
      }
      if (answer === undefined) throw new Error(`no answer for question "${title}":\n${text}`);
      asked.push(title);
      if (typeof answer === 'string') await this.say(answer);
      else if (Array.isArray(answer)) throw new Error('nested answer lists are not supported');
      else if ('press' in answer) await this.press(answer.press);
      else if ('skip' in answer) await this.press(/跳过|Skip|完成|Done/);
      else throw new Error('file answers: use upload() then press 完成');
    }
    throw new Error(
      `no summary after ${maxSteps} answers; last message:\n${(await this.last()).text}`,
    );
  }
}
