import { describe, expect, it } from 'vitest';
import { latestPublicationEnd } from '../../../content/schema/index.ts';
import { fieldsOf, problemsOf, recordText, recordWith } from '../record-fixture.ts';

const LISTED = { status: 'listed', date: '2026-07-15' };

describe('the record schema', () => {
  it('accepts the fixture', () => {
    expect(problemsOf(recordText())).toEqual([]);
  });

  it('refuses an unknown key anywhere, and still checks the rest of the record', () => {
    expect(fieldsOf(recordWith({ remark: '备注' }))).toEqual(['remark']);
    expect(
      fieldsOf(recordWith({ 'subject.nickname': '甲乙', 'subject.code': '91000000EX0000001J' })),
    ).toEqual(['subject.code', 'subject.nickname']);
  });

  it('takes approvals as the reviewers write them: none on a submission, then a review and an approval', () => {
    expect(problemsOf(recordWith({ approvals: undefined }))).toEqual([]);
    expect(problemsOf(recordWith({ approvals: [] }))).toEqual([]);
    expect(problemsOf(recordWith({ 'approvals.1': undefined }))).toEqual([]);
    expect(fieldsOf(recordWith({ 'approvals.0.role': 'sign' }))).toEqual(['approvals.0.role']);
  });

  it('requires every non-optional field', () => {
    expect(fieldsOf(recordWith({ legal_basis: undefined }))).toEqual(['legal_basis']);
    expect(fieldsOf(recordWith({ 'decision.document_number': undefined }))).toEqual([
      'decision.document_number',
    ]);
  });

  it('accepts only http(s) source links', () => {
    expect(fieldsOf(recordWith({ source_url: 'https://example.org/notice/1' }))).toEqual([]);
    expect(fieldsOf(recordWith({ source_url: 'javascript:alert(1)' }))).toEqual(['source_url']);
  });
});

describe('credit code and its reasoned override', () => {
  it('refuses a mistyped code unless an override gives a reason', () => {
    const bad = '91000000EX0000001J';
    expect(fieldsOf(recordWith({ 'subject.code': bad }))).toEqual(['subject.code']);
    expect(
      fieldsOf(
        recordWith({
          'subject.code': bad,
          'subject.code_override': {
            reason: '2015 年标准施行前试点地区发放的代码，经登记机关书面确认',
            accepted_by: '分管副主席 王某',
          },
        }),
      ),
    ).toEqual([]);
    expect(
      fieldsOf(
        recordWith({
          'subject.code': bad,
          'subject.code_override': { reason: '就这样', accepted_by: '王某' },
        }),
      ),
    ).toEqual(['subject.code_override.reason']);
  });

  it('refuses an override that is not needed, and never overrides a malformed code', () => {
    const override = {
      reason: '2015 年标准施行前试点地区发放的代码，经登记机关书面确认',
      accepted_by: '分管副主席 王某',
    };
    expect(fieldsOf(recordWith({ 'subject.code_override': override }))).toEqual([
      'subject.code_override',
    ]);
    expect(
      fieldsOf(
        recordWith({ 'subject.code': '91000000EX000000OH', 'subject.code_override': override }),
      ),
    ).toEqual(['subject.code']);
    expect(
      fieldsOf(
        recordWith({
          'subject.code': undefined,
          'subject.kind': 'industry',
          list: 'demo',
          'subject.code_override': override,
        }),
      ),
    ).toContain('subject.code_override');
  });

  it('requires a code for organisations', () => {
    expect(fieldsOf(recordWith({ 'subject.code': undefined }))).toEqual(['subject']);
  });
});

describe('individuals and personal data', () => {
  const person = {
    'subject.kind': 'individual',
    'subject.name': '李某某',
    'subject.code': undefined,
    'subject.address': undefined,
    'subject.persons': undefined,
    'subject.id_number': '210202********123X',
  };

  it('accepts a masked individual', () => {
    expect(fieldsOf(recordWith(person))).toEqual([]);
  });

  it('refuses a full ID number, an unmasked name, a home address and a credit code', () => {
    expect(fieldsOf(recordWith({ ...person, 'subject.id_number': '11010519491231002X' }))).toEqual([
      'subject.id_number',
    ]);
    expect(
      problemsOf(recordWith({ ...person, 'subject.id_number': '11010519491231002X' }))[0]?.what,
    ).toContain('完整的居民身份证号');
    expect(fieldsOf(recordWith({ ...person, 'subject.name': '李小明' }))).toEqual(['subject.name']);
    expect(fieldsOf(recordWith({ ...person, 'subject.address': '大连市中山区某路 1 号' }))).toEqual(
      ['subject.address'],
    );
    expect(fieldsOf(recordWith({ ...person, 'subject.code': '91000000EX0000001H' }))).toEqual([
      'subject.code',
    ]);
    expect(fieldsOf(recordWith({ ...person, 'subject.id_number': undefined }))).toEqual([
      'subject',
    ]);
  });

  it('does not repeat the unmasked name in the message', () => {
    const [problem] = problemsOf(recordWith({ ...person, 'subject.name': '李小明' }));
    expect(`${problem?.what} ${problem?.fix}`).not.toMatch(/小明/);
    expect(problem?.fix).toContain('李某某');
  });

  it('masks the persons published with an organisation', () => {
    expect(fieldsOf(recordWith({ 'subject.persons.0.name': '张三丰' }))).toEqual([
      'subject.persons.0.name',
    ]);
    expect(fieldsOf(recordWith({ 'subject.persons.0.id_number': '11010519491231002X' }))).toEqual([
      'subject.persons.0.id_number',
    ]);
    expect(fieldsOf(recordWith({ 'subject.id_number': '110105********002X' }))).toEqual([
      'subject.id_number',
    ]);
  });

  it('refuses phone numbers, e-mail addresses and ID numbers in any text field', () => {
    expect(
      fieldsOf(recordWith({ facts: '经查，该单位负责人（电话 13912345678）拒不支付工资。' })),
    ).toEqual(['facts']);
    expect(
      fieldsOf(recordWith({ 'subject.address': '大连市中山区示例路 8 号，联系 0411-88886666' })),
    ).toEqual(['subject.address']);
    expect(fieldsOf(recordWith({ 'history.0.note': '投诉人邮箱 a.b@example.com' }))).toEqual([
      'history.0.note',
    ]);
    expect(
      fieldsOf(recordWith({ legal_basis: '当事人 11010519491231002X 违反《劳动合同法》' })),
    ).toEqual(['legal_basis']);
  });

  it('does not take a credit code or a document number in text for personal data', () => {
    expect(
      fieldsOf(
        recordWith({
          facts: '该单位（统一社会信用代码 91350100M000100Y43）依 大工办发〔2016〕18号 列入。',
        }),
      ),
    ).toEqual([]);
  });
});

describe('dates, batch and the three-year limit', () => {
  it('requires the dates in procedural order', () => {
    expect(fieldsOf(recordWith({ 'submitted.date': '2026-06-01' }))).toEqual(['submitted.date']);
    expect(fieldsOf(recordWith({ 'approvals.1.date': '2026-07-05' }))).toEqual([
      'approvals.1.date',
    ]);
    expect(
      fieldsOf(
        recordWith({
          'publication.start': '2026-07-09',
          'history.0.date': '2026-07-09',
          'publication.end': '2029-07-08',
        }),
      ),
    ).toEqual(['publication.start']);
  });

  it('without approvals (a submission), the start only has to follow the submission', () => {
    const start = (date: string) => ({
      approvals: undefined,
      'publication.start': date,
      'history.0.date': date,
      'publication.end': latestPublicationEnd(date),
    });
    expect(fieldsOf(recordWith(start('2026-07-02')))).toEqual([]);
    expect(fieldsOf(recordWith(start('2026-07-01')))).toEqual(['publication.start']);
    expect(problemsOf(recordWith(start('2026-07-01')))[0]?.what).toBe(
      '发布开始日期（2026-07-01）早于报送日期（2026-07-02）',
    );
    // With only the review, the start must follow it.
    const reviewed = {
      ...start('2026-07-05'),
      approvals: [{ role: 'review', by: '分管副主席 王某', date: '2026-07-06' }],
    };
    expect(fieldsOf(recordWith(reviewed))).toEqual(['publication.start']);
  });

  it('refuses impossible dates', () => {
    expect(fieldsOf(recordWith({ 'decision.date': '2026-02-30' }))).toEqual(['decision.date']);
    expect(fieldsOf(recordWith({ 'decision.date': '2026/06/20' }))).toEqual(['decision.date']);
  });

  it('requires the start inside the batch quarter, on both edges', () => {
    const at = (start: string, batch: string) =>
      fieldsOf(
        recordWith({
          batch,
          'publication.start': start,
          'history.0.date': start,
          'publication.end': latestPublicationEnd(start),
        }),
      );
    expect(at('2026-09-30', '2026-Q3')).toEqual([]);
    expect(at('2026-10-01', '2026-Q3')).toEqual(['batch']);
    expect(at('2026-10-01', '2026-Q4')).toEqual([]);
    expect(at('2026-12-31', '2026-Q4')).toEqual([]);
    expect(at('2027-01-01', '2026-Q4')).toEqual(['batch']);
    expect(problemsOf(recordWith({ batch: '2026-Q2' }))[0]?.fix).toContain('2026-Q3');
    expect(fieldsOf(recordWith({ batch: '2026-Q5' }))).toEqual(['batch']);
  });

  it('allows at most three years, counting the first and the last day', () => {
    expect(latestPublicationEnd('2026-07-15')).toBe('2029-07-14');
    expect(latestPublicationEnd('2028-02-29')).toBe('2031-02-27');
    expect(fieldsOf(recordWith({ 'publication.end': '2029-07-14' }))).toEqual([]);
    expect(fieldsOf(recordWith({ 'publication.end': '2029-07-15' }))).toEqual(['publication.end']);
    expect(fieldsOf(recordWith({ 'publication.end': '2026-07-14' }))).toEqual(['publication.end']);
  });

  it('allows longer only with a cited legal basis, and refuses a basis that is not needed', () => {
    const basis = '《某某条例》第十条规定公布期限为五年（示例）';
    expect(
      fieldsOf(
        recordWith({ 'publication.end': '2031-07-14', 'publication.extension_basis': basis }),
      ),
    ).toEqual([]);
    expect(fieldsOf(recordWith({ 'publication.extension_basis': basis }))).toEqual([
      'publication.extension_basis',
    ]);
  });
});

describe('status history', () => {
  const withHistory = (...events: object[]) => recordWith({ history: [LISTED, ...events] });

  it('starts with listed on the first day of publication', () => {
    expect(
      fieldsOf(recordWith({ history: [{ status: 'objection', date: '2026-07-15' }] })),
    ).toEqual(['history.0.status']);
    expect(fieldsOf(recordWith({ history: [{ status: 'listed', date: '2026-07-16' }] }))).toEqual([
      'history.0.date',
    ]);
  });

  it('keeps events in date order and refuses anything after removal', () => {
    expect(fieldsOf(withHistory({ status: 'objection', date: '2026-07-10' }))).toEqual([
      'history.1.date',
    ]);
    expect(
      fieldsOf(
        withHistory(
          { status: 'removed', date: '2027-03-01' },
          { status: 'objection', date: '2027-03-02' },
        ),
      ),
    ).toEqual(['history.2.status']);
  });

  it('accepts objection → maintained, objection → corrected, repair-applied → removed', () => {
    expect(
      fieldsOf(
        withHistory(
          { status: 'objection', date: '2026-08-03', due: '2026-08-06' },
          { status: 'maintained', date: '2026-08-05' },
        ),
      ),
    ).toEqual([]);
    expect(
      fieldsOf(
        withHistory(
          { status: 'objection', date: '2026-08-03' },
          { status: 'corrected', date: '2026-08-04' },
        ),
      ),
    ).toEqual([]);
    expect(
      fieldsOf(
        withHistory(
          { status: 'repair-applied', date: '2027-02-01' },
          { status: 'removed', date: '2027-02-20' },
        ),
      ),
    ).toEqual([]);
  });

  it('refuses maintained without an objection, a deadline before its event, and an early expiry', () => {
    expect(fieldsOf(withHistory({ status: 'maintained', date: '2026-08-05' }))).toEqual([
      'history.1.status',
    ]);
    expect(
      fieldsOf(withHistory({ status: 'objection', date: '2026-08-03', due: '2026-08-01' })),
    ).toEqual(['history.1.due']);
    expect(fieldsOf(withHistory({ status: 'expired', date: '2029-07-14' }))).toEqual([
      'history.1.date',
    ]);
    expect(fieldsOf(withHistory({ status: 'expired', date: '2029-07-15' }))).toEqual([]);
  });

  it('lets only black-list entries apply for repair', () => {
    const red = { list: 'red', category: 'commended', id: '2026q3-red-901' };
    expect(
      fieldsOf(
        recordWith({ ...red, history: [LISTED, { status: 'repair-applied', date: '2026-08-01' }] }),
      ),
    ).toEqual(['history.1.status']);
  });
});

describe('lists, kinds, categories and attachments', () => {
  it('admits parks, townships and industries on the demonstration list only', () => {
    expect(fieldsOf(recordWith({ 'subject.kind': 'park' }))).toEqual(['subject.kind']);
    const demo = {
      list: 'demo',
      category: 'demonstration',
      'subject.kind': 'park',
      'subject.persons': undefined,
      demonstration: { level: 'city', named_by: '示例市协调劳动关系三方' },
    };
    expect(fieldsOf(recordWith(demo))).toEqual([]);
    expect(fieldsOf(recordWith({ ...demo, demonstration: undefined }))).toEqual(['']);
    expect(
      fieldsOf(
        recordWith({ demonstration: { level: 'city', named_by: '示例市协调劳动关系三方' } }),
      ),
    ).toEqual(['demonstration']);
  });

  it('takes categories from content/categories.yaml, per list', () => {
    expect(fieldsOf(recordWith({ category: 'commended' }))).toEqual(['category']);
    expect(problemsOf(recordWith({ category: 'wage-arrear' }))[0]?.fix).toContain('wage-arrears');
  });

  it('checks the region against GB/T 2260 and wants it quoted', () => {
    expect(fieldsOf(recordWith({ region: '210299' }))).toEqual(['region']);
    expect(problemsOf(recordWith({ region: 210202 }))[0]?.fix).toContain('"210202"');
  });

  it('accepts attachments under media/ with a type their kind allows', () => {
    expect(
      fieldsOf(recordWith({ attachments: [{ file: 'media/cases/site.jpg', kind: 'picture' }] })),
    ).toEqual([]);
    expect(
      fieldsOf(recordWith({ attachments: [{ file: 'media/cases/report.pdf', kind: 'picture' }] })),
    ).toEqual(['attachments.0.file']);
    expect(
      fieldsOf(recordWith({ attachments: [{ file: 'media/cases/x.svg', kind: 'case-report' }] })),
    ).toEqual(['attachments.0.file']);
    expect(
      fieldsOf(
        recordWith({ attachments: [{ file: 'media/../../etc/passwd.jpg', kind: 'picture' }] }),
      ),
    ).toEqual(['attachments.0.file']);
    expect(
      fieldsOf(recordWith({ attachments: [{ file: 'records/a.jpg', kind: 'picture' }] })),
    ).toEqual(['attachments.0.file']);
  });
});
