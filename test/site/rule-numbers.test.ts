/**
 * The site states the publisher's own objection period: a publisher with
 * objection_working_days: 5 sees 5 in the footer of every page and on the guide pages (the
 * sample's objections and about pages, whose MDX reads {props.objectionDays}), and the worked
 * examples on the objections page are dated 5 working days after receipt.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sampleFile } from '../fixtures/roots.ts';
import { buildSite, contentRootWith } from './lib/build-site.ts';

let root: string;
let site: string;
const text = (page: string) =>
  readFileSync(join(site, page, 'index.html'), 'utf8')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  const publisher = readFileSync(sampleFile('publisher.yaml'), 'utf8');
  expect(publisher).toMatch(/^objection_working_days: 3$/m);
  root = contentRootWith({
    'content/publisher.yaml': publisher.replace(
      /^objection_working_days: 3$/m,
      'objection_working_days: 5',
    ),
    'content/pages/objections.mdx': readFileSync(sampleFile('pages/objections.mdx'), 'utf8'),
    'content/pages/about.mdx': readFileSync(sampleFile('pages/about.mdx'), 'utf8'),
    'content/pages/procedure.mdx': readFileSync(sampleFile('pages/procedure.mdx'), 'utf8'),
  });
  site = await buildSite(root, '2026-11-21');
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a publisher with objection_working_days: 5', () => {
  test('the objections page states 5 working days and dates its examples 5 working days on', () => {
    const page = text('guide/objections');
    expect(page).toContain('收到异议后 5 个工作日内');
    // 20, 23, 24, 25, 26 November; 8, 9, 10 (a make-up Saturday), 12, 13 October.
    expect(page).toContain('11 月 19 日（星期四）收到的异议，应在 2026年11月26日（星期四）');
    expect(page).toContain('应在 2026年10月13日（星期二）前处理完毕');
    expect(page).not.toMatch(/3 个工作日/);
  });

  test('the procedure page states the publication period of the schema, with its example computed', () => {
    expect(text('guide/procedure')).toContain(
      '一般不超过 3 年，法律、法规以及国家相关政策另有规定的除外',
    );
    expect(text('guide/procedure')).toContain(
      '2026 年 7 月 15 日开始公开的，最迟公开到 2029年7月14日。',
    );
  });

  test('the about page and the footer of every page say 5', () => {
    expect(text('guide/about')).toContain('发布单位在 5 个工作日内核查处理');
    for (const page of ['', 'guide/objections']) {
      expect(text(page)).toMatch(/自收到之日起 5 个工作日内核实处理/);
      expect(text(page)).not.toMatch(/3 个工作日/);
    }
  });
});
