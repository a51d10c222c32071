/**
 * The batch template, generated from the schema: a sheet per list the unit submits to, a column per
 * field a submitter fills (columns.ts), drop-downs for every closed set (their values in a hidden
 * sheet), the field's hint as the header's note, a frozen header, one example row marked 示例, and
 * an instructions sheet (instructions.ts).
 */
import ExcelJS from 'exceljs';
import {
  LISTS,
  type Categories,
  type IsoDate,
  type Lang,
  type ListId,
} from '../../content/schema/index.ts';
import {
  columnsFor,
  headerOf,
  noteOf,
  regionChoice,
  regionChoices,
  sheetNameOf,
  type Column,
} from './columns.ts';
import { exampleRow } from './examples.ts';
import { columnLetter } from './letters.ts';
import { writeInstructions } from './instructions.ts';
import {
  CHOICES_SHEET,
  EXAMPLE_MARK,
  INSTRUCTIONS_SHEET,
  MARK_HEADER,
  MAX_ROWS,
} from './limits.ts';

/** Whom the template is for. */
export interface TemplateOptions {
  categories: Categories;
  /** The publisher's region: the example row's. */
  region: string;
  /** The unit's categories (absent: all); a list none of them belongs to gets no sheet. */
  unitCategories?: string[];
  today: IsoDate;
  lang?: Lang;
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDDEBF7' },
};
const EXAMPLE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};

// exceljs 4.4 keeps range validations (sheet.dataValidations) but its typings do not declare them.
const validations = (sheet: ExcelJS.Worksheet) =>
  (
    sheet as unknown as {
      dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
    }
  ).dataValidations;

/** The lists a unit submits to: those with at least one of its categories. */
export function listsFor(categories: Categories, own?: string[]): ListId[] {
  return LISTS.filter((l) => categories[l].some((c) => !own || own.includes(c.id)));
}

/** Builds the template workbook. */
export async function buildTemplate(options: TemplateOptions): Promise<Buffer> {
  const lang = options.lang ?? 'zh';
  const book = new ExcelJS.Workbook();
  book.creator = 'Honghei 红黑';
  const lists = listsFor(options.categories, options.unitCategories);
  writeInstructions(book.addWorksheet(INSTRUCTIONS_SHEET), lists, lang);
  const choices = book.addWorksheet(CHOICES_SHEET, { state: 'hidden' });
  const ranges = new ChoiceColumns(choices);
  for (const list of lists) {
    const sheet = book.addWorksheet(sheetNameOf(list), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    });
    const columns = columnsFor(list);
    sheet.getCell(1, 1).value = MARK_HEADER[lang];
    sheet.getCell(1, 1).note =
      lang === 'zh'
        ? '填“示例”的行不提交；其余行留空'
        : 'rows marked 示例 are not submitted; leave empty';
    sheet.getColumn(1).width = 8;
    columns.forEach((column, i) => {
      const cell = sheet.getCell(1, i + 2);
      cell.value = headerOf(column, lang);
      const note = noteOf(column, lang);
      if (note) cell.note = note;
      const col = sheet.getColumn(i + 2);
      col.width = Math.min(40, Math.max(12, headerOf(column, lang).length * 2 + 2));
      col.numFmt = column.date ? 'yyyy-mm-dd' : '@';
      const formula = validationFormula(column, list, options, ranges, lang);
      if (formula) {
        const letter = columnLetter(i + 2);
        validations(sheet).add(`${letter}2:${letter}${MAX_ROWS + 2}`, {
          type: 'list',
          allowBlank: true,
          formulae: [formula],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: headerOf(column, lang),
          error: lang === 'zh' ? '请从下拉列表中选择' : 'choose from the drop-down list',
        });
      }
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.eachCell((c) => (c.fill = HEADER_FILL));
    writeExample(sheet, list, columns, options, lang);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function writeExample(
  sheet: ExcelJS.Worksheet,
  list: ListId,
  columns: Column[],
  options: TemplateOptions,
  lang: Lang,
) {
  const own = options.unitCategories;
  const category = options.categories[list].find((c) => !own || own.includes(c.id));
  const values = exampleRow(list, {
    today: options.today,
    region: regionChoice(options.region),
    category: category?.name[lang],
  });
  const row = sheet.getRow(2);
  row.getCell(1).value = EXAMPLE_MARK;
  columns.forEach((column, i) => {
    const value = values[column.key];
    if (value === undefined) return;
    const choice = column
      .choices?.(list, options.categories, own)
      .find((c) => c.names.zh === value);
    row.getCell(i + 2).value = column.date
      ? new Date(`${value}T00:00:00Z`)
      : (choice?.names[lang] ?? value);
  });
  row.eachCell((c) => (c.fill = EXAMPLE_FILL));
}

/** Writes each closed set once into the hidden sheet, one column each, and names its range. */
class ChoiceColumns {
  private next = 1;
  private readonly done = new Map<string, string>();
  private readonly sheet: ExcelJS.Worksheet;
  constructor(sheet: ExcelJS.Worksheet) {
    this.sheet = sheet;
  }

  range(key: string, values: string[]): string {
    const known = this.done.get(key);
    if (known) return known;
    const n = this.next++;
    this.sheet.getCell(1, n).value = key;
    values.forEach((v, i) => (this.sheet.getCell(i + 2, n).value = v));
    const letter = columnLetter(n);
    const range = `'${CHOICES_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
    this.done.set(key, range);
    return range;
  }
}

function validationFormula(
  column: Column,
  list: ListId,
  options: TemplateOptions,
  ranges: ChoiceColumns,
  lang: Lang,
): string | undefined {
  if (column.region) return ranges.range('region', regionChoices());
  const choices = column.choices?.(list, options.categories, options.unitCategories);
  if (!choices?.length) return undefined;
  return ranges.range(
    `${list}:${column.path}`,
    choices.map((c) => c.names[lang]),
  );
}
