/**
 * The systemd unit and the environment file shipped in bot/deploy/: systemd's own verifier
 * accepts the unit (offline, with the checkout path pointed at this repository so ExecStart
 * exists), its stop timeout leaves the bot room to finish, its hardening scores as systemd rates
 * it, and the example environment parses with the bot's configuration once the secrets are filled.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadBotConfig } from '../../../bot/config.ts';
import { forgeSettingsFromEnv } from '../../../bot/forge/index.ts';
import { ROOT, tempDir } from '../support/harness.ts';

const UNIT = readFileSync(join(ROOT, 'bot/deploy/honghei-bot.service'), 'utf8');
const ENV_EXAMPLE = readFileSync(join(ROOT, 'bot/deploy/honghei-bot.env.example'), 'utf8');
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;
if (!hasSystemdAnalyze)
  console.warn(
    '\n!!! systemd unit verification SKIPPED: systemd-analyze is missing (apt-get install -y systemd)\n',
  );

/** The unit with the checkout at this repository, in a temp folder. */
function localUnit(): string {
  const path = join(tempDir(), 'honghei-bot.service');
  writeFileSync(path, UNIT.replaceAll('/srv/honghei/app', ROOT.replace(/\/$/, '')));
  return path;
}

/** KEY=VALUE lines of an environment file (systemd's EnvironmentFile syntax without quoting). */
function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const setting = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(UNIT)?.[1];

describe('bot/deploy', () => {
  test.runIf(hasSystemdAnalyze || process.env.CI)(
    'systemd-analyze verify accepts the unit without a warning; a broken copy is refused',
    () => {
      const unit = localUnit();
      const ok = spawnSync('systemd-analyze', ['verify', '--man=no', unit], { encoding: 'utf8' });
      expect({ status: ok.status, output: `${ok.stdout}${ok.stderr}`.trim() }).toEqual({
        status: 0,
        output: '',
      });
      // The verifier does look: a misspelt kill mode is reported.
      const broken = join(tempDir(), 'broken.service');
      writeFileSync(
        broken,
        readFileSync(unit, 'utf8').replace(/^KillMode=mixed$/m, 'KillMode=mixd'),
      );
      const refused = spawnSync('systemd-analyze', ['verify', '--man=no', broken], {
        encoding: 'utf8',
      });
      expect(`${refused.stdout}${refused.stderr}`).toContain('Failed to parse kill mode');
    },
  );

  test.runIf(hasSystemdAnalyze || process.env.CI)(
    'systemd rates the hardening OK (exposure below 2 of 10)',
    () => {
      const out = execFileSync(
        'systemd-analyze',
        ['security', '--offline=yes', '--no-pager', localUnit()],
        { encoding: 'utf8' },
      );
      const exposure = Number(
        /Overall exposure level for honghei-bot\.service: ([\d.]+)/.exec(out)?.[1],
      );
      expect(exposure, out.slice(-2000)).toBeLessThan(2);
    },
  );

  test('stopping: SIGTERM to the bot alone, and systemd waits longer than the bot may take', () => {
    expect(setting('KillSignal')).toBe('SIGTERM');
    expect(setting('KillMode')).toBe('mixed');
    const stopSec = Number(/^(\d+)s$/.exec(setting('TimeoutStopSec') ?? '')?.[1]);
    const env = parseEnvFile(ENV_EXAMPLE);
    const bot = loadBotConfig({
      BOT_TOKEN: '123456789:AAEexampleexampleexample00',
      BOT_STOP_TIMEOUT_SECONDS: env.BOT_STOP_TIMEOUT_SECONDS,
    });
    expect(bot.stopTimeoutMs! / 1000).toBeLessThan(stopSec);
    expect(
      loadBotConfig({ BOT_TOKEN: '123456789:AAEexampleexampleexample00' }).stopTimeoutMs! / 1000,
    ).toBeLessThan(stopSec);
    // The state the bot writes lives where the unit lets it write.
    expect(setting('StateDirectory')).toBe('honghei');
    for (const key of ['HONGHEI_BOT_DB', 'HONGHEI_OUTBOX_DIR'])
      expect(env[key]).toMatch(/^\/var\/lib\/honghei\//);
    expect(UNIT).toContain(`ReadWritePaths=-${env.HONGHEI_REPO}`);
    expect(setting('ExecStart')).toMatch(/scripts\/bot\.ts \$BOT_MODE$/);
    expect(['webhook', 'polling']).toContain(env.BOT_MODE);
  });

  test('the example environment: refused while the secrets are empty, naming them; valid once they are filled', () => {
    const env = parseEnvFile(ENV_EXAMPLE);
    let error: unknown;
    try {
      loadBotConfig(env, 'webhook');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/BOT_TOKEN: .*e\.g\. BOT_TOKEN=/);
    const filled = {
      ...env,
      BOT_TOKEN: '123456789:AAEexampleexampleexample00',
      BOT_WEBHOOK_SECRET: 'a'.repeat(64),
    };
    const config = loadBotConfig(filled, 'webhook');
    expect(config).toMatchObject({
      storage: { kind: 'redis' },
      http: { host: '127.0.0.1', port: 8080 },
      webhook: { url: 'https://bot.example.org/telegram' },
    });
    expect(forgeSettingsFromEnv(filled)).toMatchObject({
      forge: { kind: 'local', repo: '/srv/honghei/content.git' },
      outbox: { kind: 'redis' },
    });
  });
});
