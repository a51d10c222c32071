/**
 * The settings of the private store of non-public attachments (bot/private-files/config.ts,
 * docs/private-files.md). Part of the table in settings.ts.
 */
import { z } from 'zod';
import { BOT, BOT_SCRIPTS, optional, text, withDefault } from './settings-define.ts';

/** The private store's settings. */
export const PRIVATE_SETTINGS = {
  HONGHEI_PRIVATE_STORE: optional(
    z.enum(['dir', 'redis'], {
      error: 'HONGHEI_PRIVATE_STORE must be dir or redis, e.g. HONGHEI_PRIVATE_STORE=dir',
    }),
    {
      help: 'the store of non-public attachments: dir or redis (default: redis when HONGHEI_REDIS_URL is set, else dir)',
      example: 'dir',
      readers: BOT_SCRIPTS,
    },
  ),
  HONGHEI_PRIVATE_DIR: withDefault(text, '.honghei/private', {
    help: 'the directory store of non-public attachments, never inside content/',
    example: '/var/lib/honghei/private',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_PRIVATE_PREFIX: withDefault(
    z
      .string()
      .regex(
        /^[\w:.-]{1,100}$/,
        'HONGHEI_PRIVATE_PREFIX is letters, digits, :, ., _ or -, e.g. honghei:private:',
      ),
    'honghei:private:',
    { help: 'the Redis store’s key prefix', example: 'honghei:private:', readers: BOT_SCRIPTS },
  ),
  HONGHEI_PRIVATE_SECRET: optional(text, {
    help: 'the HMAC secret of the reviewers’ links, at least 32 characters, the same on every instance (required with redis; on one machine one is generated)',
    example: '(openssl rand -hex 32)',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_PRIVATE_URL: optional(
    z.url(
      "HONGHEI_PRIVATE_URL must be the bot's address as reviewers reach it, e.g. https://bot.example.org",
    ),
    {
      help: 'the bot’s address as reviewers reach it (default: the origin of BOT_WEBHOOK_URL, else http://BOT_HOST:BOT_PORT)',
      example: 'https://bot.example.org',
      readers: BOT_SCRIPTS,
    },
  ),
  HONGHEI_PRIVATE_LINK_DAYS: withDefault(
    z.coerce
      .number({ error: 'HONGHEI_PRIVATE_LINK_DAYS must be a number of days, e.g. 14' })
      .positive('HONGHEI_PRIVATE_LINK_DAYS must be above 0, e.g. 14')
      .max(366, 'HONGHEI_PRIVATE_LINK_DAYS is at most 366, e.g. 14'),
    14,
    { help: 'how many days a reviewer’s link stays valid', example: '14', readers: BOT_SCRIPTS },
  ),
  HONGHEI_PRIVATE_PR_LINKS: withDefault(
    z.enum(['yes', 'no'], {
      error: 'HONGHEI_PRIVATE_PR_LINKS must be yes or no, e.g. HONGHEI_PRIVATE_PR_LINKS=no',
    }),
    'yes',
    {
      help: 'whether pull request bodies carry the signed links; no when the forge’s pull requests are public',
      example: 'no',
      readers: BOT,
    },
  ),
};
