/**
 * Bar charts rendered at build time as static, accessible SVG with Observable Plot on a
 * server-side DOM (linkedom): Plot computes every scale, axis and bar; nothing is placed by hand.
 * Each chart is an <svg role="img"> with a <title> and a <desc> that states every value, and each
 * bar has its own <title>; the page shows the same figures as a table beside it.
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

const FONT = 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
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

/** Renders a bar chart to an SVG (or, with a legend, a small <figure>) string. */
export function barChart(options: BarChartOptions): string {
  const { title, data, orientation = 'horizontal', groups, unit = '', color = '#3d5a80', width = 640 } = options;
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const labels = [...new Set(data.map((d) => d.label))];
  const tip = (d: BarDatum) => `${d.label}${d.group ? ` · ${d.group}` : ''}：${d.value}${unit}`;
  const fill = groups ? 'group' : color;
  const colorScale = groups ? { domain: groups.map((g) => g.name), range: groups.map((g) => g.color), legend: true } : undefined;
  const totals = labels.map((label) => ({ label, value: data.filter((d) => d.label === label).reduce((s, d) => s + d.value, 0) }));
  const style = { fontSize: `${FONT_SIZE}px`, fontFamily: FONT, background: 'transparent' };

  const plot =
    orientation === 'horizontal'
      ? Plot.plot({
          document, width, style, color: colorScale,
          height: Math.max(80, labels.length * 28 + 50),
          marginLeft: Math.min(width / 2, Math.max(...labels.map(labelWidth), 24) + 14),
          marginRight: 40,
          // No axis label: the chart's title and caption name the unit, and a label at the axis end
          // collides with the last tick.
          x: { label: null, grid: true, tickFormat: 'd' },
          y: { domain: labels, label: null },
          marks: [
            Plot.barX(data, Plot.stackX({ x: 'value', y: 'label', fill, title: tip })),
            Plot.text(totals, { x: 'value', y: 'label', text: (d: { value: number }) => String(d.value), dx: 4, textAnchor: 'start' }),
            Plot.ruleX([0]),
          ],
        })
      : Plot.plot({
          document, width, style, color: colorScale,
          height: labels.length > 8 ? 320 : 300,
          marginBottom: labels.length > 8 ? 60 : 40,
          marginTop: 24,
          x: { domain: labels, label: null, tickRotate: labels.length > 8 ? -30 : 0 },
          y: { label: null, grid: true, tickFormat: 'd' },
          marks: [
            Plot.barY(data, Plot.stackY({ x: 'label', y: 'value', fill, title: tip })),
            Plot.text(totals, { x: 'label', y: 'value', text: (d: { value: number }) => String(d.value), dy: -8 }),
            Plot.ruleY([0]),
          ],
        });
  return accessible(plot as unknown as Element, document as unknown as Document, title, describeBars(options));
}

/** Names the SVG for assistive technology: role="img", <title>, <desc>, aria-labelledby. */
function accessible(node: Element, document: Document, title: string, description: string): string {
  // Plot returns the <svg> itself, or a <figure> holding the legend and then the chart's <svg>.
  const svg = node.tagName.toLowerCase() === 'svg' ? node : [...node.children].find((c) => c.tagName.toLowerCase() === 'svg');
  if (!svg) throw new Error(`Plot returned no <svg> for the chart "${title}"`);
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
  // Legend swatches repeat the table's series names: hide them from assistive technology.
  for (const other of node.querySelectorAll('svg')) if (other !== svg) other.setAttribute('aria-hidden', 'true');
  return node.outerHTML;
}
