/**
 * The bot's HTTP route for private files: a reviewer's signed link (links.ts) gets the file; an
 * expired, altered or malformed link gets a short page saying so and what to do. A standalone
 * (req, res) => Promise<boolean> handler: false when the request is not for this route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorruptFileError, type PrivateStore } from './store.ts';
import { PRIVATE_FILES_PATH, type LinkSigner } from './links.ts';

/** An HTTP handler that says whether it answered the request. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

// What a reviewer reads: Chinese first, then English (the reviewer may use either).
const REFUSALS = {
  malformed:
    '链接不完整或格式不对：请从 PR/MR 正文完整复制链接，或在机器人服务器上运行 npm run review -- show <提交编号>。\nThe link is incomplete or malformed: copy the whole link from the pull request, or run npm run review -- show <id> on the bot server.',
  altered:
    '链接无效：链接被改动过或不是本机器人签发的，拒绝提供文件。请使用 PR/MR 正文中的原链接，或在机器人服务器上运行 npm run review -- show <提交编号>。\nThis link was altered or not issued by this bot: the file is refused. Use the link from the pull request, or run npm run review -- show <id> on the bot server.',
  expired:
    '链接已过期：为保护不公开材料，链接只在有限时间内有效。请在机器人服务器上运行 npm run review -- show <提交编号> 查看文件并取得新链接。\nThis link has expired: links to non-public files are valid for a limited time. Run npm run review -- show <id> on the bot server to see the file and get a new link.',
  missing:
    '不公开存储中没有这个文件：可能尚未保存或存储未恢复。请联系机器人管理员。\nThe private store has no such file: ask the bot administrator.',
  damaged:
    '文件已损坏（内容与 SHA-256 不符），拒绝提供：请联系机器人管理员从备份恢复。\nThe stored file is damaged (its SHA-256 does not match) and is refused: ask the bot administrator to restore it from the backup.',
  method: '只支持 GET。\nOnly GET is supported.',
} as const;

function refuse(res: ServerResponse, status: number, text: string, head = false): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : `${text}\n`);
}

/** The handler of /private-files/…, serving files of the store to holders of a valid link. */
export function privateFileHandler(options: {
  store: PrivateStore;
  links: LinkSigner;
  log?: (message: string, error?: unknown) => void;
}): RouteHandler {
  return async (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(PRIVATE_FILES_PATH)) return false;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      refuse(res, 405, REFUSALS.method);
      return true;
    }
    const link = options.links.check(url);
    if (!link.ok) {
      // The log names the file but never the signature.
      options.log?.(`private file link refused (${link.reason}): ${url.split('?')[0]}`);
      refuse(res, link.status, REFUSALS[link.reason], head);
      return true;
    }
    let bytes: Uint8Array | undefined;
    let meta: Awaited<ReturnType<PrivateStore['stat']>>;
    try {
      bytes = await options.store.get(link.sha256);
      meta = await options.store.stat(link.sha256);
    } catch (error) {
      options.log?.(`private file sha256:${link.sha256} could not be read`, error);
      refuse(res, error instanceof CorruptFileError ? 500 : 503, REFUSALS.damaged, head);
      return true;
    }
    if (!bytes) {
      refuse(res, 404, REFUSALS.missing, head);
      return true;
    }
    const type = meta?.type ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'content-length': String(bytes.byteLength),
      // Pictures open in the browser; a PDF is downloaded, so no script in it runs on this origin.
      'content-disposition': `${type.startsWith('image/') ? 'inline' : 'attachment'}; filename="${link.name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy':
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'x-robots-tag': 'noindex, nofollow',
    });
    res.end(head ? undefined : bytes);
    return true;
  };
}
