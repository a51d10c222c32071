/**
 * npm run private-files -- add <file> --kind pledge|evidence|decision|… [--name NAME]
 * npm run private-files -- get sha256:<64 hex> --out FILE
 *
 * The private store by hand (docs/private-files.md), with the bot's settings (HONGHEI_PRIVATE_*):
 * `add` stores a non-public file (a pledge scanned at the counter, a file found in content/ by the
 * validator) and prints the attachments entry to put in the record instead of a path; `get`
 * writes a stored file out, its SHA-256 checked. Exit codes: 0 done, 1 refused, 2 wrong usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_KINDS,
  PRIVATE_NAME_PATTERN,
  PRIVATE_REF_PATTERN,
  sha256Of,
  type AttachmentKind,
} from '../content/schema/index.ts';
import { ConfigError } from '../content/schema/config-error.ts';
import { ACCEPTED_TYPES, sniff } from '../bot/files.ts';
import { openPrivateFiles, privateFilesConfig } from '../bot/private-files/config.ts';
import { sha256Hex } from '../bot/private-files/store.ts';
import { resolveContentRoot } from '../content/schema/content-root.ts';
import { parseCommandLine } from './lib/cli.ts';

const USAGE = `用法：npm run private-files -- add <文件> --kind ${ATTACHMENT_KINDS.join('|')} [--name 文件名]
      npm run private-files -- get sha256:<64 位十六进制> --out <文件>`;

const { values, positionals } = parseCommandLine(
  USAGE,
  { kind: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } },
  true,
);
const [command, arg] = positionals;

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

if (command !== 'add' && command !== 'get') usage(command ? `未知命令 ${command}` : '缺少命令');
if (!arg) usage(command === 'add' ? 'add 需要文件路径' : 'get 需要 sha256:… 引用');

try {
  const { store } = openPrivateFiles(privateFilesConfig(process.env), {
    contentRoot: resolveContentRoot(),
  });
  try {
    if (command === 'add') {
      const kind = values.kind as AttachmentKind | undefined;
      if (!kind || !ATTACHMENT_KINDS.includes(kind))
        usage(`--kind 须为 ${ATTACHMENT_KINDS.join('、')} 之一`);
      const bytes = readFileSync(arg);
      const { ext, found } = await sniff(bytes);
      if (!ext || !ATTACHMENT_EXTENSIONS[kind].includes(ext)) {
        console.error(
          `${arg} 的内容是 ${found}：${kind} 只接受 ${ATTACHMENT_EXTENSIONS[kind].join(', ')}；请重新导出为这些格式之一`,
        );
        process.exit(1);
      }
      // Never the original file name: it may name a person. A generated one unless given.
      const sha256 = sha256Hex(bytes);
      const name = values.name ?? `${kind}-${sha256.slice(0, 12)}.${ext}`;
      if (!PRIVATE_NAME_PATTERN.test(name) || !name.endsWith(`.${ext}`))
        usage(
          `--name ${name}：只用小写字母、数字和连字符，加扩展名 .${ext}，如 2026q3-black-007-pledge-1.${ext}`,
        );
      await store.put(bytes, { name, type: ACCEPTED_TYPES[ext]!, kind });
      const entry = {
        private: `sha256:${sha256}`,
        kind,
        name,
        size: bytes.byteLength,
        type: ACCEPTED_TYPES[ext]!,
      };
      console.log(
        `已放入不公开存储（${store.kind}）。把下面这一项写入记录的 attachments（替换原来的 file: 项），然后从 content/ 删除 ${arg}：\n`,
      );
      console.log(stringify([entry]).trimEnd());
    } else {
      if (!PRIVATE_REF_PATTERN.test(arg)) usage(`${arg} 不是 sha256:<64 位十六进制> 引用`);
      if (!values.out) usage('get 需要 --out <文件>');
      const bytes = await store.get(sha256Of(arg));
      if (!bytes) {
        console.error(
          `不公开存储中没有 ${arg}：检查 HONGHEI_PRIVATE_DIR / HONGHEI_REDIS_URL 是否与机器人相同`,
        );
        process.exit(1);
      }
      writeFileSync(values.out, bytes, { mode: 0o600 });
      console.log(`已写出 ${values.out}（${bytes.byteLength} 字节，SHA-256 已核对）`);
    }
  } finally {
    await store.close();
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
