/**
 * Commands typed while a form waits for an answer. /cancel ends the form before it gets here
 * (middleware/cancel.ts) and /back and /skip navigate; every other command gets an answer that
 * fits the place — /help explains the current question and how to move — and the form goes on
 * where it was, nothing lost.
 */
import { COMMANDS } from '../command-names.ts';
import type { Translate } from '../i18n.ts';

/** Where in the form the command was typed, as its answer needs to know. */
export interface FormPlace {
  /** The question's title, help (the schema's description) and how to answer it; absent at the summary. */
  question?: { label: string; help?: string; how: string };
  /** Back is possible (not the first question). */
  back: boolean;
  /** The question may be skipped. */
  skip: boolean;
}

/** The navigation a person has here, one line each. */
function navigation(place: FormPlace, t: Translate): string[] {
  if (!place.question) return [t('nav-summary'), t('nav-cancel')];
  return [
    ...(place.back ? [t('nav-back')] : []),
    ...(place.skip ? [t('nav-skip')] : []),
    t('nav-edit'),
    t('nav-cancel'),
  ];
}

/** The reply to a command typed in a form (other than /cancel, /back and an allowed /skip). */
export function formCommandReply(command: string, place: FormPlace, t: Translate): string {
  // At the summary there is nothing to skip: /skip there gets the summary's help.
  if (command === 'help' || command === 'start' || (command === 'skip' && !place.question)) {
    const q = place.question;
    const head = q
      ? [t('form-help-question', { label: q.label }), ...(q.help ? [q.help] : []), q.how]
      : [t('form-help-summary')];
    return [...head, '', t('form-help-moves'), ...navigation(place, t)].join('\n');
  }
  if (command === 'skip') return `${t('form-skip-required')}\n${navigation(place, t).join('\n')}`;
  if (command === 'back') return `${t('form-back-first')}\n${navigation(place, t).join('\n')}`;
  if (command === 'status') return t('form-command-status');
  if ((COMMANDS as readonly string[]).includes(command))
    return t('form-command-other-form', { command });
  return [
    t('form-command-unknown', { command: command.slice(0, 32) }),
    ...navigation(place, t),
  ].join('\n');
}
