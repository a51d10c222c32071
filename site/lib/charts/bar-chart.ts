/**
 * Bar charts rendered at build time as static, accessible SVG with Observable Plot on a
 * server-side DOM (linkedom): Plot computes every scale, axis and bar; nothing is placed by hand.
 * Each chart is an <svg role="img"> with a <title> and a <desc> that states every value, and each
 * bar has its own <title>; the page shows the same figures as a table beside it.
 * The markup has no inline styles and no <style> elements (valid HTML, a strict CSP): the chart's
 * class is CHART_CLASS, styled in site/styles/global.css, and the legend is a plain list.
 */
import * as Plot from '@observablehq/plot';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';

/** One bar (or one segment of a stacked bar). */
export interface BarDatum {
  label: string;
  value: number;
  /** The series, for stacked bars (e.g. the list). */
  group?: string;
}

export interface BarChartOptions {
  /** The chart's accessible name, e.g. "按名单统计的条目数". */
  title: string;
  data: BarDatum[];
  /** Horizontal bars suit long category names; vertical suits a time axis (batches). */
  orientation?: 'horizontal' | 'vertical';
  /** The series in order with their colours; required when data has groups. */
  groups?: { name: string; color: string }[];
  /** The unit of the values, e.g. "条". */
  unit?: string;
  /** Fill of ungrouped bars. */
  color?: string;
  width?: number;
}

/** The class of every chart's <svg> (Plot's own <style> is replaced by rules for it in global.css). */
export const CHART_CLASS = 'hh-plot';

const FONT =
  'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const FONT_SIZE = 13;

/** Width of a label in pixels: CJK characters are square, Latin ones about half as wide. */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u2e80-\uffff]/u.test(ch) ? FONT_SIZE : FONT_SIZE * 0.6;
  return Math.ceil(w);
}

/** The text alternative of a chart: every label with its value(s). */
export function describeBars(options: Pick<BarChartOptions, 'data' | 'unit'>): string {
  const unit = options.unit ?? '';
  const byLabel = new Map<string, BarDatum[]>();
  for (const d of options.data) byLabel.set(d.label, [...(byLabel.get(d.label) ?? []), d]);
  return [...byLabel]
    .map(([label, ds]) => {
      const total = ds.reduce((s, d) => s + d.value, 0);
      const parts = ds.filter((d) => d.group).map((d) => `${d.group} ${d.value}`);
      return `${label}：${total}${unit}${parts.length > 1 ? `（${parts.join('，')}）` : ''}`;
    })
    .join('；');
}

/** Renders a bar chart to an SVG string, preceded by its legend (a list) when it has groups. */
export function barChart(options: BarChartOptions): string {
  const {
    title,
    data,
    orientation = 'horizontal',
    groups,
    unit = '',
    color = '#3d5a80',
    width = 640,
  } = options;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = [...new Set(data.map((d) => d.label))];
  const tip = (d: BarDatum) => `${d.label}${d.group ? ` · ${d.group}` : ''}：${d.value}${unit}`;
  const fill = groups ? 'group' : color;
  // Plot's legend would bring inline styles and a <style> element: the legend is drawn below instead.
  const colorScale = groups
    ? { domain: groups.map((g) => g.name), range: groups.map((g) => g.color) }
    : undefined;
  const totals = labels.map((label) => ({
    label,
    value: data.filter((d) => d.label === label).reduce((s, d) => s + d.value, 0),
  }));

  const plot =
    orientation === 'horizontal'
      ? Plot.plot({
          document,
          width,
          className: CHART_CLASS,
          color: colorScale,
          height: Math.max(80, labels.length * 28 + 50),
          marginLeft: Math.min(width / 2, Math.max(...labels.map(labelWidth), 24) + 14),
          marginRight: 40,
          // No axis label: the chart's title and caption name the unit, and a label at the axis end
          // collides with the last tick.
          x: { label: null, grid: true, tickFormat: 'd' },
          y: { domain: labels, label: null },
          marks: [
            Plot.barX(data, Plot.stackX({ x: 'value', y: 'label', fill, title: tip })),
            Plot.text(totals, {
              x: 'value',
              y: 'label',
              text: (d: { value: number }) => String(d.value),
              dx: 4,
              textAnchor: 'start',
            }),
            Plot.ruleX([0]),
          ],
        })
      : Plot.plot({
          document,
          width,
          className: CHART_CLASS,
          color: colorScale,
          height: labels.length > 8 ? 320 : 300,
          marginBottom: labels.length > 8 ? 60 : 40,
          marginTop: 24,
          x: { domain: labels, label: null, tickRotate: labels.length > 8 ? -30 : 0 },
          y: { label: null, grid: true, tickFormat: 'd' },
          marks: [
            Plot.barY(data, Plot.stackY({ x: 'label', y: 'value', fill, title: tip })),
            Plot.text(totals, {
              x: 'label',
              y: 'value',
              text: (d: { value: number }) => String(d.value),
              dy: -8,
            }),
            Plot.ruleY([0]),
          ],
        });
  const svg = plot as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg')
    throw new Error(`Plot returned <${svg.tagName}> instead of <svg> for the chart "${title}"`);
  // Plot's stylesheet and inline style move to global.css; the fonts become presentation attributes.
  for (const el of svg.querySelectorAll('style')) el.remove();
  svg.removeAttribute('style');
  svg.setAttribute('font-size', String(FONT_SIZE));
  svg.setAttribute('font-family', FONT);
  // Plot names its mark groups (<g aria-label="rule">); inside an <svg role="img"> they are
  // presentational, and axe rejects aria-label on an element without a role: the name is the title.
  for (const el of svg.querySelectorAll('g[aria-label]')) el.removeAttribute('aria-label');
  const chart = accessible(svg, document as unknown as Document, title, describeBars(options));
  return groups ? legend(groups) + chart : chart;
}

/** The series names with their colours; hidden from assistive technology (the table names them). */
function legend(groups: { name: string; color: string }[]): string {
  const escape = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const items = groups.map(
    (g) =>
      `<li><svg width="12" height="12" viewBox="0 0 12 12"><rect width="12" height="12" fill="${escape(g.color)}"></rect></svg>${escape(g.name)}</li>`,
  );
  return `<ul class="chart-legend" aria-hidden="true">${items.join('')}</ul>`;
}

/** Names the SVG for assistive technology: role="img", <title>, <desc>, aria-labelledby. */
function accessible(svg: Element, document: Document, title: string, description: string): string {
  // Derived from the title, so ids are stable between builds and distinct on a page.
  const id = `chart-${createHash('sha256').update(title).digest('hex').slice(0, 8)}`;
  const titleEl = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleEl.setAttribute('id', `${id}-title`);
  titleEl.textContent = title;
  const descEl = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  descEl.setAttribute('id', `${id}-desc`);
  descEl.textContent = description;
  svg.insertBefore(descEl, svg.firstChild);
  svg.insertBefore(titleEl, svg.firstChild);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.removeAttribute('aria-label');
  svg.removeAttribute('aria-description');
  return svg.outerHTML;
}
