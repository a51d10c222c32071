/** Messages about the holiday calendar files (content/calendar/) and the deadlines computed on them. */
import { m } from './message-text.ts';

const NOTICE_ZH = '国务院办公厅关于该年部分节假日安排的通知';

export const CALENDAR_MESSAGES = {
  calendar_file_name: m(
    (v) => `节假日安排文件名“${v.name}”不对`,
    (v) => `holiday calendar file name "${v.name}" is wrong`,
    () => '以年份命名，如 content/calendar/2027.yaml',
    () => 'name it by its year, e.g. content/calendar/2027.yaml',
  ),
  calendar_not_mapping: m(
    () => '文件内容不是节假日安排（应为“字段: 值”的映射）',
    () => 'the file does not hold a holiday calendar (a mapping of field: value)',
    () => '照 README“新一年的节假日”中的示例填写 year、notice、holidays、workdays',
    () =>
      'write year, notice, holidays and workdays as in the README example ("The new year\'s holidays")',
  ),
  calendar_unknown_key: m(
    (v) => `未知字段：${v.key}`,
    (v) => `unknown field: ${v.key}`,
    (v) => `删除或改正；这里允许的字段有：${v.allowed}`,
    (v) => `remove or correct it; the fields allowed here are: ${v.allowed}`,
  ),
  calendar_missing: m(
    (v) => `缺少字段 ${v.field}`,
    (v) => `the field ${v.field} is missing`,
    (v) => `填写 ${v.field}：${v.description}`,
    (v) => `add ${v.field} (${v.description})`,
  ),
  calendar_wrong_type: m(
    (v) => `字段 ${v.field} 的类型不对`,
    (v) => `the field ${v.field} has the wrong type`,
    (v) => `应为：${v.description}`,
    (v) => `it holds: ${v.description}`,
  ),
  calendar_date_range: m(
    (v) => `日期 ${v.date} 不在 ${v.year} 年安排的范围（${v.first} 至 ${v.last}）内`,
    (v) => `the date ${v.date} is outside the ${v.year} arrangement (${v.first} to ${v.last})`,
    () => `核对年份：照${NOTICE_ZH}原文填写；上一年 12 月的调休日期也写在本年文件中`,
    () =>
      'check the year against the notice; December days of the year before belong in this file too',
  ),
  calendar_span_reversed: m(
    (v) => `放假最后一天 ${v.to} 早于第一天 ${v.from}`,
    (v) => `the last day off ${v.to} is before the first ${v.from}`,
    () => '交换 from 和 to',
    () => 'swap from and to',
  ),
  calendar_span_long: m(
    (v) => `放假时间 ${v.from} 至 ${v.to} 超过 ${v.days} 天`,
    (v) => `the holiday ${v.from} to ${v.to} is longer than ${v.days} days`,
    (v) => `核对日期：法定节假日连休不超过 ${v.days} 天，多半是月份写错了`,
    (v) =>
      `check the dates: no official holiday lasts more than ${v.days} days; the month is probably wrong`,
  ),
  calendar_date_twice: m(
    (v) => `日期 ${v.date} 已在“${v.other}”中出现`,
    (v) => `the date ${v.date} is already listed under "${v.other}"`,
    () => '每个日期只写一次：要么放假，要么调休上班',
    () => 'list each date once: either off or a make-up working day',
  ),
  calendar_workday_weekday: m(
    (v) => `调休上班日 ${v.date} 不是周六或周日`,
    (v) => `the make-up working day ${v.date} is not a Saturday or Sunday`,
    () => '只列通知中写明“上班”的周六、周日；平常的工作日不用列',
    () =>
      'list only the Saturdays and Sundays the notice makes working days; ordinary weekdays are not listed',
  ),
  calendar_no_new_year: m(
    (v) => `没有 ${v.year} 年 1 月 1 日（元旦）的放假安排`,
    (v) => `1 January ${v.year} (New Year's Day) is not a holiday in this file`,
    () => `每年的安排都有元旦：核对文件的年份，并照${NOTICE_ZH}补上`,
    () =>
      "every year's arrangement has New Year's Day: check the file's year and add it as the notice says",
  ),
  calendar_year_name: m(
    (v) => `year 为 ${v.year}，与文件名 ${v.name} 不符`,
    (v) => `year is ${v.year}, but the file is named ${v.name}`,
    () => '把 year 改成文件名中的年份，或把文件改名',
    () => "make year the file name's year, or rename the file",
  ),
  calendar_differs: m(
    (v) =>
      `${v.date} 与 chinese-days 依赖包的 ${v.year} 年数据不一致：本文件为${v.mine}，依赖包为${v.theirs}`,
    (v) =>
      `${v.date} disagrees with the chinese-days package's ${v.year} data: ${v.mine} here, ${v.theirs} there`,
    () =>
      `对照${NOTICE_ZH}原文核对：本文件有误就改正；依赖包有误请向 chinese-days 报告（计算以本文件为准）`,
    () =>
      'check against the notice: correct this file if it is wrong; if the package is wrong, report it to chinese-days (this file is what counts)',
  ),
  calendar_next_missing: m(
    (v) => `尚未收录 ${v.year} 年的节假日安排`,
    (v) => `the ${v.year} holiday calendar is not in place yet`,
    (v) =>
      `国务院办公厅公布 ${v.year} 年节假日安排后，添加 ${v.file}（写法见 README“新一年的节假日”）；否则跨年的异议办理时限只能待定`,
    (v) =>
      `once the State Council publishes the ${v.year} holidays, add ${v.file} (see README, "The new year's holidays"); until then deadlines reaching into ${v.year} stay pending`,
  ),
  due_pending: m(
    (v) => `异议办理时限待定：${v.year} 年的节假日安排尚未收录`,
    (v) => `objection deadline pending: the ${v.year} holiday calendar is not in place yet`,
    (v) => `添加 ${v.file} 后运行 npm run review -- deadlines --write 填写`,
    (v) => `add ${v.file}, then run npm run review -- deadlines --write`,
  ),
  due_pending_known: m(
    (v) =>
      `异议办理时限待定，按现已收录的节假日安排应为 ${v.expected}（${v.date} 收到，${v.days} 个工作日）`,
    (v) =>
      `objection deadline pending; on the calendar now in place it is ${v.expected} (received ${v.date}, ${v.days} working days)`,
    () => '运行 npm run review -- deadlines --write 写入',
    () => 'run npm run review -- deadlines --write to fill it in',
  ),
  invalid_due: m(
    (v) => `“${v.value}”不是办理时限`,
    (v) => `"${v.value}" is not a deadline`,
    () => '写成 YYYY-MM-DD，如 2026-11-24；节假日安排尚未公布时写 pending',
    () =>
      'write it as YYYY-MM-DD, e.g. 2026-11-24, or pending while the holiday calendar is not published',
  ),
};
