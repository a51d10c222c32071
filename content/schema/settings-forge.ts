/**
 * The settings of where submissions go (bot/forge/config.ts): the forge and its credentials, the
 * outbox, the forge webhook. Part of the table in settings.ts.
 */
import { z } from 'zod';
import {
  BOT,
  BOT_SCRIPTS,
  httpUrl,
  optional,
  path,
  port,
  repoSlug,
  text,
  withDefault,
} from './settings-define.ts';

/** The forge's, the outbox's and the forge webhook's settings. */
export const FORGE_SETTINGS = {
  HONGHEI_OUTBOX_DIR: withDefault(text, '.honghei/outbox', {
    help: 'the outbox folder of submissions waiting for delivery, without Redis',
    example: '/var/lib/honghei/outbox',
    readers: BOT,
  }),
  HONGHEI_FORGE: withDefault(
    z.enum(['local', 'github', 'gitea', 'gitlab'], {
      error: (i) =>
        `HONGHEI_FORGE=${String(i.input)} is not a forge: choose local, github, gitea or gitlab, e.g. HONGHEI_FORGE=gitea`,
    }),
    'local',
    {
      help: 'where submissions go: local (a git repository), github, gitea (also Forgejo) or gitlab',
      example: 'gitea',
      readers: BOT,
    },
  ),
  HONGHEI_REPO: optional(text, {
    help: 'local forge and `npm run review`: the content repository, bare or with a work tree (default: the working directory)',
    example: '/srv/honghei/content.git',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_BASE: withDefault(text, 'main', {
    help: 'the publication branch submissions are proposed to',
    example: 'main',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_GITHUB_REPO: optional(repoSlug('HONGHEI_GITHUB_REPO', 'example-union/honghei-content'), {
    help: 'github: the content repository',
    example: 'example-union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITHUB_APP_ID: optional(text, {
    help: 'github: the GitHub App’s id (recommended; else HONGHEI_GITHUB_TOKEN)',
    example: '123456',
    readers: BOT,
  }),
  HONGHEI_GITHUB_PRIVATE_KEY_FILE: optional(path, {
    help: 'github: the GitHub App’s private key file',
    example: '/run/secrets/github-app.pem',
    readers: BOT,
  }),
  HONGHEI_GITHUB_INSTALLATION_ID: optional(text, {
    help: 'github: the GitHub App’s installation id',
    example: '12345678',
    readers: BOT,
  }),
  HONGHEI_GITHUB_TOKEN: optional(text, {
    help: 'github: a fine-grained personal token instead of an App (pilots only)',
    example: 'github_pat_…',
    readers: BOT,
  }),
  HONGHEI_GITHUB_API_URL: optional(
    httpUrl('HONGHEI_GITHUB_API_URL', 'https://github.example.org/api/v3', 'the API root'),
    {
      help: 'github: the API root of GitHub Enterprise Server (default: https://api.github.com)',
      example: 'https://github.example.org/api/v3',
      readers: BOT,
    },
  ),
  HONGHEI_GITEA_URL: optional(
    httpUrl('HONGHEI_GITEA_URL', 'https://git.example.org', "the server's root"),
    {
      help: 'gitea: the Gitea or Forgejo server',
      example: 'https://git.example.org',
      readers: BOT,
    },
  ),
  HONGHEI_GITEA_REPO: optional(repoSlug('HONGHEI_GITEA_REPO', 'union/honghei-content'), {
    help: 'gitea: the content repository',
    example: 'union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITEA_TOKEN: optional(text, {
    help: 'gitea: an access token',
    example: '…',
    readers: BOT,
  }),
  HONGHEI_GITLAB_URL: optional(
    httpUrl('HONGHEI_GITLAB_URL', 'https://gitlab.example.org', "the server's root"),
    { help: 'gitlab: the GitLab server', example: 'https://gitlab.example.org', readers: BOT },
  ),
  HONGHEI_GITLAB_PROJECT: optional(text, {
    help: 'gitlab: the project, by id or path',
    example: 'union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITLAB_TOKEN: optional(text, {
    help: 'gitlab: an access token',
    example: 'glpat-…',
    readers: BOT,
  }),
  HONGHEI_WEBHOOK_SECRET: optional(text, {
    help: 'the forge webhook’s secret (GitHub and Gitea sign with it, GitLab sends it); unset: outcomes come from polling alone',
    example: '(openssl rand -hex 32)',
    readers: BOT,
  }),
  HONGHEI_WEBHOOK_PORT: withDefault(port('HONGHEI_WEBHOOK_PORT', 8787), 8787, {
    help: 'the forge webhook endpoint’s port',
    example: '8787',
    readers: BOT,
  }),
};
