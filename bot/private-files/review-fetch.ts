/**
 * What `npm run review -- show <id>` does with a submission's non-public attachments: read their
 * references from the record on the branch, fetch each file from the private store (on the bot
 * server) or through a signed link over HTTP (anywhere the bot's address and secret are known),
 * check its SHA-256 against the record, and save it for the reviewer to open.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  ATTACHMENT_KIND_NAMES,
  isPrivateRef,
  sha256Of,
  type AttachmentInput,
  type AttachmentKind,
} from '../../content/schema/index.ts';
import { openPrivateFiles, privateFilesConfig } from './config.ts';
import { LinkSigner } from './links.ts';
import { sha256Hex, type PrivateStore } from './store.ts';

/** Where the files come from: the store itself, or the bot's HTTP server through a fresh signed link. */
export type FetchSource =
  | { kind: 'store'; store: PrivateStore }
  | { kind: 'link'; links: LinkSigner; fetch?: typeof fetch };

/** One attachment as the reviewer sees it. */
export interface FetchedAttachment {
  name: string;
  kind: AttachmentKind;
  sha256: string;
  size: number;
  /** Where it was saved, when it was fetched and its SHA-256 matched. */
  saved?: string;
  /** Why it could not be shown (Chinese, for the reviewer). */
  problem?: string;
}

/** The private references of a record's YAML text. */
export function privateReferences(
  yamlText: string,
): (AttachmentInput & { private: string; name: string; size: number })[] {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    return [];
  }
  const attachments = (data as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.filter(
    (a): a is AttachmentInput & { private: string; name: string; size: number } =>
      !!a &&
      typeof a === 'object' &&
      isPrivateRef(a as AttachmentInput) &&
      typeof (a as AttachmentInput).name === 'string',
  );
}

async function bytesFrom(
  source: FetchSource,
  sha256: string,
  name: string,
): Promise<Uint8Array | string> {
  if (source.kind === 'store') {
    try {
      return (
        (await source.store.get(sha256)) ?? '不公开存储中没有这个文件（可能在另一台机器的存储中）'
      );
    } catch (error) {
      return `读取失败：${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const url = source.links.url({ sha256, name });
  let response: Response;
  try {
    response = await (source.fetch ?? fetch)(url);
  } catch (error) {
    return `无法连接机器人服务器 ${source.links.baseUrl}：${error instanceof Error ? error.message : String(error)}`;
  }
  if (!response.ok)
    return `机器人服务器答复 HTTP ${response.status}：${(await response.text()).split('\n')[0]}`;
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetches, checks and saves every private attachment of a record into outDir. */
export async function fetchPrivateAttachments(
  yamlText: string,
  source: FetchSource,
  outDir: string,
): Promise<FetchedAttachment[]> {
  const out: FetchedAttachment[] = [];
  for (const ref of privateReferences(yamlText)) {
    const sha256 = sha256Of(ref.private);
    const item: FetchedAttachment = { name: ref.name, kind: ref.kind, sha256, size: ref.size };
    const got = await bytesFrom(source, sha256, ref.name);
    if (typeof got === 'string') item.problem = got;
    else if (sha256Hex(got) !== sha256)
      item.problem = `SHA-256 不符（得到 ${sha256Hex(got)}）：文件被改动或损坏，不要采用`;
    else {
      await mkdir(outDir, { recursive: true, mode: 0o700 });
      item.saved = join(outDir, ref.name);
      await writeFile(item.saved, got, { mode: 0o600 });
    }
    out.push(item);
  }
  return out;
}

/** The reviewer's lines for the fetched attachments. */
export function fetchedLines(items: readonly FetchedAttachment[]): string[] {
  return items.map((a) => {
    const head = `  ${ATTACHMENT_KIND_NAMES[a.kind]?.zh ?? a.kind}  ${a.name}  ${a.size} 字节  sha256:${a.sha256}`;
    return a.saved
      ? `${head}\n    ✅ SHA-256 已核对，已保存到 ${a.saved}`
      : `${head}\n    ❌ ${a.problem}`;
  });
}

/**
 * The review CLI's part: where to fetch from (the store when this machine has it, else a signed
 * link to the bot's server when its address and secret are set; viaLink forces the link), then
 * fetch, check and save, with a fresh link for each file when links can be signed here.
 */
export async function showPrivateFiles(
  yamlText: string,
  options: { env: NodeJS.ProcessEnv; outDir: string; viaLink?: boolean; fetch?: typeof fetch },
): Promise<string[]> {
  if (!privateReferences(yamlText).length) return [];
  let config;
  try {
    config = privateFilesConfig(options.env);
  } catch (error) {
    return [`  ❌ ${error instanceof Error ? error.message : String(error)}`];
  }
  const secretFile =
    config.store.kind === 'dir' ? join(config.store.dir, 'link-secret') : undefined;
  const hasStore =
    config.store.kind === 'redis' || existsSync(join(config.store.dir, 'index.sqlite'));
  const secret =
    config.secret ??
    (secretFile && existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined);
  if (options.viaLink || !hasStore) {
    if (!secret) {
      return [
        '  ❌ 本机没有不公开存储，也无法签发链接：在机器人服务器上运行本命令，或设置 HONGHEI_PRIVATE_URL（机器人地址）与 HONGHEI_PRIVATE_SECRET（与机器人相同）',
      ];
    }
    const links = new LinkSigner({ secret, baseUrl: config.baseUrl, ttlMs: config.ttlMs });
    return fetchedLines(
      await fetchPrivateAttachments(
        yamlText,
        { kind: 'link', links, ...(options.fetch ? { fetch: options.fetch } : {}) },
        options.outDir,
      ),
    );
  }
  const opened = openPrivateFiles(config);
  try {
    const items = await fetchPrivateAttachments(
      yamlText,
      { kind: 'store', store: opened.store },
      options.outDir,
    );
    const days = Math.round(config.ttlMs / 86_400_000);
    return fetchedLines(items).map((line, i) =>
      items[i]!.saved
        ? `${line}\n    新链接（${days} 天内有效）：${opened.links.url({ sha256: items[i]!.sha256, name: items[i]!.name })}`
        : line,
    );
  } finally {
    await opened.store.close();
  }
}
