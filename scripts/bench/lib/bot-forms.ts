/**
 * The bot's benchmark, called by `npm run bench` (scripts/bench/lib/modules.ts): complete /new forms driven
 * through bot.handleUpdate against the local Bot API, in process, measuring the handling time of
 * every update (median, p99) and the bytes the form keeps in storage (conversation state and
 * session, at their largest during the form). Targets: median ≤ 10 ms, ≤ 16 KB per form.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultContentRoot } from '../../../content/schema/content-root.ts';
import { completeUscc, fieldLabel, publicationDate } from '../../../content/schema/index.ts';
import { createBot } from '../../../bot/create-bot.ts';
import { botApiFiles } from '../../../bot/files.ts';
import type { Submission, SubmissionSink } from '../../../bot/forge/types.ts';
import { LOCAL_BOT, LocalTelegram } from '../../../bot/local-api/local-telegram.ts';
import { openPrivateFiles } from '../../../bot/private-files/config.ts';
import { ContentRepository } from '../../../bot/record/repository.ts';
import type { BotServices } from '../../../bot/services.ts';
import { MemoryAdapter } from '../../../bot/storage/index.ts';
import { parseSubmitters } from '../../../bot/submitters.ts';
import { MemoryWebStore } from '../../../bot/storage/web-store.ts';
import { REPO } from './project.ts';

/** What measureBot reports. */
export interface BotBenchResult {
  forms: number;
  updates: number;
  updatesPerForm: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  /** Conversation state plus session of one chat, at its largest during a form (bytes of JSON). */
  storedBytesPerForm: { median: number; max: number };
  /** What stays after the form: the session with the submission for /status. */
  sessionBytesAfter: number;
  targets: { medianMs: number; storedBytesPerForm: number };
  met: { medianMs: boolean; storedBytesPerForm: boolean };
}

/** A sink that only counts (the forges have their own benchmark). */
class CountingSink implements SubmissionSink {
  readonly ids = new Set<string>();
  async submit(s: Submission) {
    this.ids.add(s.id);
    return { stored: true as const, receipt: s.id };
  }
  async status(id: string) {
    return this.ids.has(id)
      ? {
          delivered: true,
          pullRequest: { submissionId: id, branch: `submission/${id}`, url: `bench://${id}` },
        }
      : { delivered: false };
  }
}

type Action = string | { press: string };

/** The answers of one black-list entry, by question title. */
function journey(code: string, today: string): Record<string, Action> {
  return {
    名单: { press: '失信黑名单' },
    主体类型: { press: '企业' },
    [fieldLabel('subject.name')]: '示例市某某建筑劳务有限公司（示例）',
    统一社会信用代码: code,
    '住所（经营场所）': '示例市示例区建设路 18 号（示例地址）',
    同时公布的人员: { press: '跳过' },
    [fieldLabel('region')]: '210202',
    列入类别: { press: '拖欠工资' },
    事由: '该单位拖欠 12 名劳动者工资共计 8.6 万元，经责令限期支付后逾期未付。（示例数据）',
    依据: '《保障农民工工资支付条例》第五十四条',
    [fieldLabel('decision.authority')]: '示例市人力资源和社会保障局',
    决定文号: '示人社监〔2026〕31号',
    决定日期: '2026-01-05',
    报送日期: today,
    发布开始日期: today,
    发布结束日期: { press: '20' },
    典型案例报告: { press: '跳过' },
    图片: { press: '跳过' },
    决定文书: { press: '跳过' },
    原始公告链接: { press: '跳过' },
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Runs `forms` complete /new forms (after `warmup` unmeasured ones) and reports time and bytes. */
export async function measureBot(
  options: { forms?: number; warmup?: number; root?: string } = {},
): Promise<BotBenchResult> {
  const forms = options.forms ?? 30;
  const warmup = options.warmup ?? 3;
  // The project's content root (content/ once a publisher has one, else the sample), as the bot reads.
  const root = options.root ?? defaultContentRoot(REPO);
  const today = publicationDate({ HONGHEI_DATE: '2026-11-20' });
  const tg = new LocalTelegram();
  const repo = new ContentRepository(root, 60_000);
  const users = Array.from({ length: forms + warmup }, (_, i) => LocalTelegram.user(300000000 + i));
  const allow = users
    .map((u) => `  - telegram_id: ${u.id}\n    unit: ${repo.publisher.units[0]!.id}`)
    .join('\n');
  const sessions = new MemoryAdapter<any>();
  const conversations = new MemoryAdapter<any>();
  let seq = 0;
  const services: BotServices = {
    repo,
    sink: new CountingSink(),
    files: undefined as never,
    // The /new journey measured here sends no non-public file; the store is there as in a real bot.
    privateFiles: openPrivateFiles({
      store: { kind: 'dir', dir: join(tmpdir(), 'honghei-bench-private') },
      baseUrl: 'http://127.0.0.1:8080',
      ttlMs: 24 * 3600_000,
    }),
    submitters: parseSubmitters(`submitters:\n${allow}\n`, 'bench-submitters.yaml', repo.publisher),
    today: () => today,
    randomId: (n) => (++seq).toString(36).padStart(n, '0'),
    now: () => `${today}T10:00:00+08:00`,
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
  };
  const config = {
    token: '1000000001:bench-token-never-sent-anywhere-000',
    contentRoot: root,
    submittersFile: '-',
    storage: { kind: 'memory' as const },
    formTtlMs: 3600_000,
    maxFileBytes: 10 * 1024 * 1024,
    rateLimit: { limit: 100_000, windowMs: 1000 },
    apiRoot: 'http://local.telegram.invalid',
  };
  const bot = createBot(config, {
    services,
    storage: {
      kind: 'memory',
      sessions,
      conversations,
      web: new MemoryWebStore(),
      sweep: () => undefined,
      close: async () => undefined,
    },
    botInfo: LOCAL_BOT,
    fetch: tg.fetch,
  });
  services.files = botApiFiles(bot.api, { apiRoot: config.apiRoot, fetch: tg.fetch });
  repo.records(); // read the repository once, as a running bot has

  const times: number[] = [];
  const peaks: number[] = [];
  let sessionAfter = 0;
  for (const [n, user] of users.entries()) {
    const measured = n >= warmup;
    const answers = journey(completeUscc(`91000000BN${String(n).padStart(7, '0')}`), today);
    const bytes = () =>
      Buffer.byteLength(conversations.map.get(`form:${user.id}`) ?? '') +
      Buffer.byteLength(sessions.map.get(`session:${user.id}`) ?? '');
    let peak = 0;
    const send = async (update: Parameters<typeof bot.handleUpdate>[0]) => {
      const t0 = performance.now();
      await bot.handleUpdate(update);
      if (measured) times.push(performance.now() - t0);
      peak = Math.max(peak, bytes());
    };
    await send(tg.text(user, '/new'));
    for (let step = 0; step < 60; step++) {
      const text = tg.last(user.id)?.text ?? '';
      if (text.includes('请核对以下内容')) break;
      const title = /^\([\d/]+\)\s*(.+?)(?:（选填）)?$/m.exec(text.split('\n')[0] ?? '')?.[1];
      const action = title ? answers[title] : undefined;
      if (action === undefined) throw new Error(`bench: no answer for the bot's message:\n${text}`);
      await send(typeof action === 'string' ? tg.text(user, action) : tg.press(user, action.press));
    }
    await send(tg.press(user, '确认提交'));
    if (!tg.last(user.id)?.text.includes('已提交'))
      throw new Error(`bench: the form was not submitted:\n${tg.last(user.id)?.text}`);
    if (measured) {
      peaks.push(peak);
      sessionAfter = Buffer.byteLength(sessions.map.get(`session:${user.id}`) ?? '');
    }
  }
  times.sort((a, b) => a - b);
  peaks.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const medianMs = round(quantile(times, 0.5));
  const maxBytes = peaks.at(-1)!;
  return {
    forms,
    updates: times.length,
    updatesPerForm: times.length / forms,
    medianMs,
    p99Ms: round(quantile(times, 0.99)),
    maxMs: round(times.at(-1)!),
    storedBytesPerForm: { median: quantile(peaks, 0.5), max: maxBytes },
    sessionBytesAfter: sessionAfter,
    targets: { medianMs: 10, storedBytesPerForm: 16 * 1024 },
    met: { medianMs: medianMs <= 10, storedBytesPerForm: maxBytes <= 16 * 1024 },
  };
}
