/**
 * The date the site, the validator and the bot take as today: the setting HONGHEI_DATE when set
 * (reproducible builds and tests), otherwise today in China (UTC+8).
 */
import { chinaDate, type IsoDate } from './dates.ts';
import { readSetting, type Env } from './settings-read.ts';

/** HONGHEI_DATE (YYYY-MM-DD) when set, otherwise today in China; a wrong value is a ConfigError. */
export function publicationDate(env: Env = process.env): IsoDate {
  return readSetting('HONGHEI_DATE', env) ?? chinaDate(Date.now());
}
