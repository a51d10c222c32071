/**
 * The pull request body of a submission with non-public files: a signed link per file by default;
 * with HONGHEI_PRIVATE_PR_LINKS=no (a forge whose pull requests are public), no link at all, only
 * the names, their SHA-256 and the review command. Either way no path into content/.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateFilesConfig } from '../../../bot/private-files/config.ts';
import { harness, testPrivateFiles } from '../support/harness.ts';
import type { MemorySink } from '../support/memory-sink.ts';
import { objectWithEvidence } from './support.ts';

async function objectionBody(linksInBody: boolean) {
  const h = harness({ today: '2026-11-20', privateFiles: { ...testPrivateFiles(), linksInBody } });
  const evidence = await objectWithEvidence(
    h,
    '2026-11-20',
    '公示所列拖欠金额有误，请核查。（示例数据）',
  );
  const s = (h.sink as MemorySink).submissions[0]!;
  return { body: s.body, sha256: createHash('sha256').update(evidence).digest('hex'), id: s.id };
}

describe('the pull request body of non-public files', () => {
  it('links each file through a signed, expiring link by default', async () => {
    const { body, sha256 } = await objectionBody(true);
    expect(body).toMatch(
      new RegExp(
        `- \\[[a-z0-9-]+-1\\.pdf\\]\\(http://127\\.0\\.0\\.1:8080/private-files/${sha256}/[a-z0-9-]+-1\\.pdf\\?exp=\\d+&sig=[\\w-]{43}\\)（证据材料，SHA-256 \`${sha256}\`，链接 2026-\\d\\d-\\d\\d \\d\\d:\\d\\d（北京时间）前有效）`,
      ),
    );
    expect(body).not.toContain('content/media');
  });

  it("carries no link when the forge's pull requests are public (HONGHEI_PRIVATE_PR_LINKS=no)", async () => {
    expect(privateFilesConfig({ HONGHEI_PRIVATE_PR_LINKS: 'no' }).linksInBody).toBe(false);
    const { body, sha256, id } = await objectionBody(false);
    expect(body).not.toContain('/private-files/');
    expect(body).toContain(`（证据材料，SHA-256 \`${sha256}\`）`);
    expect(body).toContain(
      `在机器人服务器上运行 \`npm run review -- show ${id}\` 查看并核对文件。`,
    );
  });
});
