/**
 * The content the reminder tests run on: a real content repository in a temp dir (git, the sample's
 * publisher and categories) holding fictional records — one under objection (received 2026-11-19,
 * due 2026-11-24), one whose publication ends 2026-12-20 — the submitters allow-list, reviewers
 * with chat ids, a submission waiting for its review on the local forge (since 2026-11-25) and an
 * objection to the expiring entry received in chat, still a submission (2026-12-07, due 2026-12-10).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalGitForge } from '../../../bot/forge/local-git.ts';
import type { Submission } from '../../../bot/forge/types.ts';
import { LocalTelegram } from '../../../bot/local-api/local-telegram.ts';
import { ContentRepository } from '../../../bot/record/repository.ts';
import { reminderInput } from '../../../bot/reminders/input.ts';
import { loadSubmitters } from '../../../bot/submitters.ts';
import { makeContentRepo, recordId, recordYaml, sampleSubmission, sh } from '../forge/fixtures.ts';

/** Chat ids: the labour-inspection and women's units' submitters, the 审核人 and the 审定人. */
export const CHATS = {
  inspection: 100000001,
  women: 100000002,
  reviewer: 300000001,
  approver: 300000002,
};

/** The record under objection and the one whose publication ends soon. */
export const OBJECTION = recordId(1);
export const EXPIRING = '2023q4-black-102';

const REVIEWERS = `reviewers:
  - login: reviewer-wang-example
    name: 分管副主席 王某（示例）
    role: review
    telegram_id: ${CHATS.reviewer}
  - login: reviewer-li-example
    name: 主席 李某（示例）
    role: approve
    telegram_id: ${CHATS.approver}
`;

const SUBMITTERS = `submitters:
  - telegram_id: ${CHATS.inspection}
    unit: labour-inspection
  - telegram_id: ${CHATS.women}
    unit: women
`;

/** The record under objection: listed in batch 2026-Q4, objection not yet handled. */
const objection = `${recordYaml(1)}  - status: objection
    date: 2026-11-19
    due: 2026-11-24
    note: 企业称拖欠人数有误。（示例数据）
`;

/** Listed 2023-12-21 for three years: its publication ends 2026-12-20. */
const expiring = recordYaml(2)
  .replace(`id: ${recordId(2)}`, `id: ${EXPIRING}`)
  .replace('batch: 2026-Q4', 'batch: 2023-Q4')
  .replace('date: 2026-09-20', 'date: 2023-12-01')
  .replace('date: 2026-10-02', 'date: 2023-12-05')
  .replace('start: 2026-10-15', 'start: 2023-12-21')
  .replace('end: 2029-10-14', 'end: 2026-12-20')
  .replace(
    /history:\n  - status: listed\n    date: 2026-10-15/,
    'history:\n  - status: listed\n    date: 2023-12-21',
  );

/** Writes the content repository under `dir` and opens a submission on its local forge. */
export async function reminderContent(dir: string) {
  const root = makeContentRepo(dir);
  const files: Record<string, string> = {
    [`content/records/black/2026/${OBJECTION}.yaml`]: objection,
    [`content/records/black/2023/${EXPIRING}.yaml`]: expiring,
    'content/reviewers.yml': REVIEWERS,
    'content/submitters.yaml': SUBMITTERS,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  sh(root, 'add', '.');
  sh(root, 'commit', '-q', '-m', 'Records, reviewers and submitters (示例)');
  const forge = new LocalGitForge({ repo: root });
  const waiting = { ...sampleSubmission(5), createdAt: '2026-11-25T02:00:00Z' };
  await forge.openPullRequest(waiting);
  const objecting: Submission = {
    id: `${EXPIRING}-objection-k3f9`,
    kind: 'objection',
    recordId: EXPIRING,
    submitter: { chatId: 200000002 },
    title: `异议：${EXPIRING}（示例）`,
    body: '公众异议（示例数据）',
    files: [
      {
        path: `content/records/black/2023/${EXPIRING}.yaml`,
        content: `${expiring}  - status: objection\n    date: 2026-12-07\n    due: 2026-12-10\n    note: 称已全部补发工资。（示例数据）\n`,
      },
    ],
    createdAt: '2026-12-07T02:00:00Z',
  };
  await forge.openPullRequest(objecting);
  const repo = new ContentRepository(root);
  const input = reminderInput({
    repo,
    submitters: loadSubmitters(join(root, 'content/submitters.yaml'), repo.publisher),
    forge,
  });
  return { root, forge, repo, input, waiting, objection: objecting };
}

/** A Bot API that records what was sent (the local Telegram's own sendMessage). */
export function telegram() {
  const tg = new LocalTelegram();
  const api = {
    sendMessage: async (chat_id: number, text: string) =>
      tg.fetch('http://local/bot1:x/sendMessage', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id, text }),
      }),
  } as never;
  return { tg, api };
}
