/**
 * npm run users -- invite --unit <单位名称或 id> [--days 7] [--note 说明] [--url https://…/chat/]
 * npm run users -- list
 * npm run users -- revoke <账号 id> | --unit <单位>
 *
 * The web chat's submitters (bot/webchat, docs/web-chat.md), in the bot's own storage
 * (HONGHEI_REDIS_URL or HONGHEI_BOT_DB): `invite` prints a one-time invitation link for a unit of
 * content/publisher.yaml (only its SHA-256 is stored; it expires); whoever opens it in a browser
 * submits for that unit until `revoke`. No passwords. Exit codes: 0 done, 1 refused, 2 wrong usage.
 */
import { ConfigError, loadStorageConfig } from '../bot/config.ts';
import { ContentRepository } from '../bot/record/repository.ts';
import { createStorage } from '../bot/storage/index.ts';
import { WebAccounts } from '../bot/webchat/accounts.ts';
import { resolveContentRoot } from '../content/schema/content-root.ts';
import { parseCommandLine } from './lib/cli.ts';

const USAGE = `用法：npm run users -- invite --unit <单位> [--days 7] [--note 说明] [--url https://机器人地址/chat/]
      npm run users -- list
      npm run users -- revoke <账号 id> | --unit <单位>`;

const { values, positionals } = parseCommandLine(
  USAGE,
  {
    unit: { type: 'string' },
    days: { type: 'string', default: '7' },
    note: { type: 'string' },
    url: { type: 'string' },
  },
  true,
);
const [command, arg] = positionals;

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

if (!['invite', 'list', 'revoke'].includes(command ?? ''))
  usage(command ? `未知命令 ${command}` : '缺少命令');

try {
  const repo = new ContentRepository(resolveContentRoot());
  const { publisher } = repo;
  const unitOf = (query: string) => {
    const unit = publisher.units.find((u) => u.id === query || u.name === query);
    if (!unit)
      usage(
        `content/publisher.yaml 中没有单位“${query}”：可用 ${publisher.units.map((u) => `${u.name}（${u.id}）`).join('、')}`,
      );
    return unit;
  };
  const storage = createStorage(loadStorageConfig(), 3600_000);
  const accounts = new WebAccounts(storage.web);
  try {
    if (command === 'invite') {
      if (!values.unit) usage('invite 需要 --unit');
      const unit = unitOf(values.unit);
      const days = Number(values.days);
      if (!(days > 0 && days <= 30)) usage('--days 须为 1–30 天');
      const base = values.url ?? publisher.chat_url;
      if (!base)
        usage(
          '不知道网页办理的地址：在 content/publisher.yaml 写 chat_url，或用 --url https://机器人地址/chat/',
        );
      const secret = await accounts.invite(unit.id, days * 86_400_000, values.note);
      console.log(
        `${unit.name} 的邀请链接（${days} 天内有效，只能使用一次；请通过可靠渠道交给本人）：`,
      );
      console.log(`${new URL(base).href.split('#')[0]}#invite=${secret}`);
    } else if (command === 'list') {
      for (const a of await accounts.list())
        console.log(
          `${a.id}  ${unitOf(a.unit).name}  ${a.createdAt}  ${a.revokedAt ? `已撤销 ${a.revokedAt}` : '有效'}${a.note ? `  ${a.note}` : ''}`,
        );
    } else {
      const ids = values.unit
        ? (await accounts.list())
            .filter((a) => a.unit === unitOf(values.unit!).id && !a.revokedAt)
            .map((a) => a.id)
        : arg
          ? [arg]
          : usage('revoke 需要账号 id（npm run users -- list 可查）或 --unit');
      for (const id of ids) {
        if (!(await accounts.revoke(id))) {
          console.error(`没有账号 ${id}：npm run users -- list 列出全部账号`);
          process.exitCode = 1;
        } else console.log(`已撤销 ${id}：该浏览器从下一次操作起不能再报送`);
      }
      if (!ids.length) console.log('该单位没有有效的网页账号');
    }
  } finally {
    await storage.close();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
