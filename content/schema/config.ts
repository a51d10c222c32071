/**
 * The publisher's configuration (content/publisher.yaml) and its categories
 * (content/categories.yaml): data a publisher edits, parsed with a schema so a mistake fails the
 * build with the file and the field.
 */
import { z } from 'zod';
import { LISTS } from './labels.ts';

/** Working days to handle an objection when the publisher sets none (objection_working_days). */
export const DEFAULT_OBJECTION_WORKING_DAYS = 3;

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

/** One category (basis for listing) of a list. */
export const categorySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens, e.g. wage-arrears'),
  name: bilingual.describe('类别名称（中文、英文）'),
  description: z.string().optional().describe('类别说明，显示在标准页面'),
  source: z.string().optional().describe('出处，如“000 基本标准二(1)”'),
  /** Conditions for early removal (信用修复), asked by the bot's /repair flow. */
  repair: z
    .strictObject({
      months_after_correction: z.number().int().min(0).describe('整改完成后须经过的月数'),
      requires_pledge: z.boolean().describe('是否须提交书面信用承诺'),
      requirements: z.array(z.string()).describe('其他条件，逐条列出'),
    })
    .optional(),
});
export type Category = z.infer<typeof categorySchema>;

/** content/categories.yaml: the categories of every list. */
export const categoriesSchema = z.strictObject(
  Object.fromEntries(LISTS.map((l) => [l, z.array(categorySchema).min(1)])) as Record<
    (typeof LISTS)[number],
    z.ZodArray<typeof categorySchema>
  >,
);
export type Categories = z.infer<typeof categoriesSchema>;

/** A submitting unit (责任单位) and the categories it covers. */
export const unitSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  categories: z.array(z.string()).optional().describe('该单位负责报送的类别 id；省略表示全部'),
});

/** An administrator of the bot: told of calendar gaps, stuck deliveries and errors (bot/admin-alerts.ts). */
export const administratorSchema = z.strictObject({
  chat_id: z
    .number()
    .int()
    .describe(
      '管理员的 Telegram 会话 ID（数字，可向机器人发送 /start 后从日志或 @userinfobot 查得）',
    ),
  name: z.string().trim().min(1).max(60).describe('管理员的职务或姓名，如“信息中心 李某”'),
  language: z.enum(['zh', 'en']).optional().describe('通知的语言；省略时用 language'),
});

/** content/publisher.yaml. */
export const publisherSchema = z.strictObject({
  name: z.string().min(1).describe('发布单位全称'),
  short_name: z.string().min(1).describe('简称，用于页眉'),
  logo_text: z.string().min(1).max(4).describe('页眉标志中的文字（1–4 字）'),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .describe('发布单位所在行政区划代码'),
  site_url: z.url().describe('公开网站地址'),
  language: z.enum(['zh', 'en']).default('zh').describe('校验报告的默认语言'),
  languages: z
    .array(z.enum(['zh', 'en']))
    .default(['zh'])
    .describe(
      '网站界面的语言：zh 中文（网站根目录，始终发布）；加 en 则另在 /en/ 发布英文界面，条目页数量随之加倍',
    ),
  sample: z.boolean().default(false).describe('为 true 时全站显示“示例数据”标识'),
  chat_url: z
    .url()
    .optional()
    .describe(
      '网页在线办理（机器人的 /chat/ 页面）地址，如 https://bot.example.org/chat/；填写后每个条目页显示“对此条目提出异议”链接，不填则网站保持纯静态、不显示该链接',
    ),
  contact: z.strictObject({
    department: z.string().min(1),
    address: z.string().min(1),
    phone: z.string().min(1),
    email: z.email().optional(),
    hours: z.string().optional(),
  }),
  approvals_required: z
    .number()
    .int()
    .min(1)
    .max(5)
    .default(2)
    .describe('发布前所需审批数（审核 + 审定 = 2）'),
  units: z.array(unitSchema).min(1).describe('报送单位'),
  objection_working_days: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_OBJECTION_WORKING_DAYS)
    .describe('异议办理时限（工作日）'),
  calendar_warning_from: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '写成 月-日，如 11-01')
    .default('11-01')
    .describe(
      '从每年这一天（月-日）起，下一年的节假日安排（content/calendar/YYYY.yaml）仍未添加时，校验、网站构建和机器人发出提醒',
    ),
  batch_cutoff_days: z
    .number()
    .int()
    .min(1)
    .max(80)
    .default(10)
    .describe(
      '季度批次截止提醒：在季度最后一天（批次日）前多少天，提醒本季度尚未报送的单位（机器人，bot/reminders/）',
    ),
  review_reminder_working_days: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(3)
    .describe('提交等待审核或审定满多少个工作日，机器人提醒该审批人'),
  expiry_reminder_days: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('发布期限届满前多少天，机器人提醒责任单位续期或任其期满移出'),
  administrators: z
    .array(administratorSchema)
    .default([])
    .describe('机器人的管理员：节假日安排缺失、提交长时间无法送达、机器人出错时收到通知'),
});
export type Publisher = z.infer<typeof publisherSchema>;
export type Administrator = z.infer<typeof administratorSchema>;
