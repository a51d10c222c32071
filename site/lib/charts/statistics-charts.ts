/**
 * The charts of the statistics page, one per table of the statistics (by list, category, region,
 * batch, status, subject kind), each with the rows of its data table.
 */
import { LIST_NAMES, LISTS, type ListId } from '../../../content/schema/index.ts';
import { TABLE_TITLES, type Count, type Statistics } from '../export/statistics.ts';
import { barChart, type BarDatum } from './bar-chart.ts';

/**
 * The colour of each list in every chart: the page's own tokens (site/styles/global.css), as CSS
 * variables in the inline SVG's fill, so the charts and the badges share one palette.
 */
export const LIST_COLORS: Record<ListId, string> = {
  red: 'var(--red)',
  black: 'var(--black)',
  demo: 'var(--demo)',
};

const LIST_GROUPS = LISTS.map((l) => ({ name: LIST_NAMES[l].zh, color: LIST_COLORS[l] }));

/** One chart with the rows of its table. */
export interface StatisticsChart {
  key: keyof typeof TABLE_TITLES;
  title: string;
  svg: string;
  rows: Count[];
  /** Whether the rows carry a list (the table then has a 名单 column). */
  byList: boolean;
}

const toBars = (rows: Count[], grouped: boolean): BarDatum[] =>
  rows.map((c) => ({
    label: c.name,
    value: c.count,
    ...(grouped && c.list ? { group: LIST_NAMES[c.list].zh } : {}),
  }));

/** Renders every chart of the statistics (empty tables get no chart). */
export function statisticsCharts(stats: Statistics, scope = ''): StatisticsChart[] {
  const spec: {
    key: StatisticsChart['key'];
    grouped: boolean;
    orientation: 'horizontal' | 'vertical';
  }[] = [
    { key: 'by_list', grouped: true, orientation: 'horizontal' },
    { key: 'by_category', grouped: true, orientation: 'horizontal' },
    { key: 'by_region', grouped: false, orientation: 'horizontal' },
    { key: 'by_batch', grouped: true, orientation: 'vertical' },
    { key: 'by_status', grouped: false, orientation: 'horizontal' },
    { key: 'by_subject_kind', grouped: false, orientation: 'horizontal' },
  ];
  return spec
    .filter((s) => stats[s.key].some((c) => c.count > 0))
    .map(({ key, grouped, orientation }) => {
      const rows = stats[key];
      // by_batch has one row per batch and list: its bars are the batches, stacked by list.
      const data =
        key === 'by_batch'
          ? rows.map((c) => ({ label: c.key, value: c.count, group: LIST_NAMES[c.list!].zh }))
          : toBars(rows, grouped);
      const title = `${scope}${TABLE_TITLES[key]}统计的公开条目数（截至 ${stats.as_of}）`;
      const svg = barChart({
        title,
        data,
        orientation,
        unit: '条',
        ...(grouped
          ? { groups: LIST_GROUPS.filter((g) => data.some((d) => d.group === g.name)) }
          : {}),
      });
      return { key, title, svg, rows, byList: grouped && key !== 'by_list' };
    });
}
