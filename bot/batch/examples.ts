/**
 * The example row of each sheet (marked 示例, never submitted): fictional values that pass the
 * checks, so a submitter sees each field filled in the form the reader takes. Coded fields are
 * written by their names, as the drop-downs offer them; dates around the day the template is made.
 */
import {
  addDays,
  completeUscc,
  latestPublicationEnd,
  valueName,
  type IsoDate,
  type ListId,
} from '../../content/schema/index.ts';

/** What the example row needs from the publisher: its region and the sheet's first category name. */
export interface ExampleContext {
  today: IsoDate;
  region: string;
  category?: string;
}

const SUBJECTS: Record<ListId, { name: string; code: string }> = {
  red: { name: '示例市甲乙科技有限公司（示例）', code: completeUscc('91000000EXAMPLE01') },
  black: { name: '示例市丙丁建筑工程有限公司（示例）', code: completeUscc('91000000EXAMPLE02') },
  demo: { name: '示例市戊己食品有限公司（示例）', code: completeUscc('91000000EXAMPLE03') },
};

const FACTS: Record<ListId, string> = {
  red: '该公司连续三年劳动合同签订率 100%，职代会制度健全，无劳动争议投诉。（示例数据）',
  black: '该公司拖欠 12 名劳动者工资共计 18.6 万元，经责令限期支付后逾期未付。（示例数据）',
  demo: '该公司建立健全劳动关系协调机制，经考核达到和谐劳动关系创建示范标准。（示例数据）',
};

/** The example row of a list's sheet, by column key. */
export function exampleRow(list: ListId, ctx: ExampleContext): Record<string, string> {
  const decided = addDays(ctx.today, -20);
  const start = addDays(ctx.today, 7);
  const row: Record<string, string> = {
    list: valueName('list', list),
    'subject.kind': valueName('subject.kind', 'enterprise'),
    'subject.name': SUBJECTS[list].name,
    'subject.code': SUBJECTS[list].code,
    'subject.address': '示例市示例区示例路 1 号（示例地址）',
    region: ctx.region,
    ...(ctx.category ? { category: ctx.category } : {}),
    facts: FACTS[list],
    legal_basis:
      list === 'black' ? '《保障农民工工资支付条例》第五十四条' : '大工办发〔2016〕18号 基本标准',
    'decision.authority': '示例市总工会',
    'decision.document_number': '示工发〔2026〕1号',
    'decision.date': decided,
    'submitted.date': addDays(ctx.today, -1),
    'publication.start': start,
    'publication.end': latestPublicationEnd(start),
  };
  if (list === 'black') {
    row['subject.persons.0.role'] = valueName('subject.persons.*.role', 'legal-representative');
    row['subject.persons.0.name'] = '张某某';
  }
  if (list === 'demo') {
    row['demonstration.level'] = valueName('demonstration.level', 'city');
    row['demonstration.named_by'] = '示例市协调劳动关系三方';
  }
  return row;
}
