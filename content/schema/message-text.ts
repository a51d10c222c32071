/**
 * The shape of a catalogue message: what is wrong and how to fix it, each in Chinese and English.
 * Variables carry ids (list, kind, status), never names, so each language renders its own names.
 */

/** The languages the validator and the bot speak. */
export type Lang = 'zh' | 'en';

/** Values substituted into a message. */
export type Vars = Record<string, string | number>;
type Text = (v: Vars) => string;

/** One catalogue entry. */
export interface Message {
  what: Record<Lang, Text>;
  fix: Record<Lang, Text>;
}

/** Builds a message from its four texts. */
export const m = (whatZh: Text, whatEn: Text, fixZh: Text, fixEn: Text): Message => ({
  what: { zh: whatZh, en: whatEn },
  fix: { zh: fixZh, en: fixEn },
});
