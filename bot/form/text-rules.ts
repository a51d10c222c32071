/**
 * What a typed answer may not contain, whatever field it fills. The record is published on an
 * official site, so invisible or direction-changing characters, markup and emoji are refused
 * with the reason, instead of being stored and shown garbled. YAML-looking text is refused too:
 * it means a submitter pasted a piece of a record file rather than the value (the value itself
 * would be stored safely quoted either way).
 */

/** Why a text was refused; each has a `text-<id>` message in the locale files. */
export type TextProblem =
  'empty' | 'control' | 'bidi' | 'rtl' | 'emoji' | 'html' | 'yaml' | 'no-content' | 'multiline';

// C0/C1 controls except tab and newline; zero-width and BOM characters.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2060\uFEFF]/u;
// Explicit direction marks, embeddings, overrides and isolates (the "Trojan Source" characters).
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const RTL =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u{FE0F}/u;
const HTML = /<\/?[a-z!][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/iu;
// A document marker, an anchor or alias, a tag, or "key: value" at the start of a line.
const YAML =
  /^(?:-{3}|\.{3})(?:\s|$)|(?:^|\s)[&*][\w-]+(?:\s|$)|(?:^|\s)!!?\w+|^[A-Za-z_][\w.-]*:(?:\s|$)/mu;
const CONTENT = /[\p{L}\p{N}]/u;

/** The first problem of a typed answer, or undefined when it may be stored. */
export function textProblem(
  text: string,
  options: { multiline?: boolean } = {},
): TextProblem | undefined {
  if (text.trim() === '') return 'empty';
  if (CONTROL.test(text)) return 'control';
  if (BIDI.test(text)) return 'bidi';
  if (RTL.test(text)) return 'rtl';
  if (EMOJI.test(text)) return 'emoji';
  if (HTML.test(text)) return 'html';
  if (YAML.test(text)) return 'yaml';
  if (!CONTENT.test(text)) return 'no-content';
  if (!options.multiline && /[\r\n]/.test(text.trim())) return 'multiline';
  return undefined;
}

/** Normalises what a person typed: NFC, trimmed, Windows line ends and trailing spaces removed. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
}
