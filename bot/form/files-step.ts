/**
 * Asking for attachments: the user sends photos or PDF files one by one and presses Done. Each
 * file is checked by size and content as it arrives, so a wrong file is refused at once with the
 * reason, never discovered at review.
 */
import { ATTACHMENT_EXTENSIONS } from '../../content/schema/index.ts';
import { formatBytes, inspectFile, type FileService } from '../files.ts';
import { acceptedFiles, type FilesAsker } from './ask.ts';
import { formCommandReply } from './commands.ts';
import type { Button } from './io.ts';
import type { FileAnswer } from './step.ts';
import { normaliseText, textProblem } from './text-rules.ts';

/** The asker for files steps, with the service that fetches files (read when used) and the size cap. */
export function filesAsker(services: { files: FileService }, maxBytes: number): FilesAsker {
  return async (io, step, env, question, optional, place) => {
    const { t } = env;
    const allowed = ATTACHMENT_EXTENSIONS[step.kind];
    const what = acceptedFiles(step.kind, t);
    // Pictures are shown on the site, so a picture step takes images only; the fix says so.
    const wrongTypeFix = () =>
      t(allowed.includes('pdf') ? 'file-wrong-type-fix' : 'file-wrong-type-fix-pictures', {
        types: allowed.join(', '),
      });
    const received: FileAnswer[] = [];
    const buttons = (): Button[][] => [
      [
        { text: t('button-back'), action: 'back' },
        received.length
          ? { text: t('button-done'), action: 'done' }
          : optional
            ? { text: t('button-skip'), action: 'skip' }
            : { text: t('button-done'), action: 'done' },
      ],
    ];
    await io.say(
      `${question}\n${t('files-accepted', { types: allowed.join(', '), max: formatBytes(maxBytes), count: step.max })}`,
      buttons(),
      { cancel: true },
    );
    for (;;) {
      const input = await io.receive();
      let refusal: { what: string; fix: string } | undefined;
      if (input.type === 'button' && input.action === 'back') return { nav: 'back' };
      if (input.type === 'button' && input.action === 'skip' && optional && !received.length)
        return { nav: 'skip' };
      if (input.type === 'command') {
        if (input.command === 'back' && place.back) return { nav: 'back' };
        if (input.command === 'skip' && optional && !received.length) return { nav: 'skip' };
        await io.say(
          formCommandReply(input.command, { ...place, skip: optional && !received.length }, t),
          buttons(),
          { cancel: true },
        );
        continue;
      }
      if (input.type === 'button' && input.action === 'done') {
        if (received.length) return { nav: 'answer', value: received };
        if (optional) return { nav: 'skip' };
        refusal = { what: t('files-none'), fix: t('files-none-fix') };
      } else if (input.type === 'file') {
        const file = input.file;
        const captionProblem = file.caption ? textProblem(normaliseText(file.caption)) : undefined;
        if (captionProblem) {
          refusal = {
            what: t('file-caption', { problem: t(`text-${captionProblem}`) }),
            fix: t('file-caption-fix'),
          };
        } else if (received.length >= step.max) {
          refusal = { what: t('files-too-many', { max: step.max }), fix: t('files-too-many-fix') };
        } else {
          const inspection = await io.external(() =>
            inspectFile(services.files, file.fileId, file.size, maxBytes),
          );
          if (!inspection.ok && inspection.reason === 'too-big') {
            refusal = {
              what: t('file-too-big', {
                size: formatBytes(inspection.size),
                max: formatBytes(inspection.max),
              }),
              fix: t('file-too-big-fix', { max: formatBytes(inspection.max) }),
            };
          } else if (!inspection.ok && inspection.reason === 'type') {
            refusal = {
              what: t('file-wrong-type', { found: inspection.found }),
              fix: wrongTypeFix(),
            };
          } else if (!inspection.ok) {
            refusal = {
              what: t('file-download-failed', { detail: inspection.detail }),
              fix: t('file-download-failed-fix', { max: formatBytes(maxBytes) }),
            };
          } else if (!allowed.includes(inspection.ext)) {
            refusal = {
              what: t('file-wrong-type', { found: inspection.ext }),
              fix: wrongTypeFix(),
            };
          } else {
            const caption = file.caption
              ? normaliseText(file.caption).slice(0, 200) || undefined
              : undefined;
            received.push({
              fileId: file.fileId,
              ext: inspection.ext,
              size: inspection.size,
              sha256: inspection.sha256,
              ...(caption ? { caption } : {}),
            });
            io.nextQuestion();
            await io.say(
              t('file-received', {
                n: received.length,
                type: inspection.ext.toUpperCase(),
                size: formatBytes(inspection.size),
              }),
              buttons(),
              { cancel: true },
            );
            continue;
          }
        }
      } else if (input.type !== 'stale') {
        refusal = { what: t('files-expected', { what }), fix: t('how-files', { what }) };
      }
      if (refusal) {
        io.nextQuestion();
        await io.say(t('re-ask', { ...refusal, label: step.label(env) }), buttons(), {
          cancel: true,
        });
      }
    }
  };
}
