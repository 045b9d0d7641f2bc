// Charts as server-rendered SVG (strict CSP: no script, no inline style; the
// colours are SVG presentation attributes). Every chart is decorative for
// screen readers beside its table (aria-hidden on marks, a title for the whole)
// and prints as it shows. Values appear as text, never as colour alone.
import { formatCount } from '../lib/dates';
const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Rough width at the 12 px label size: CJK characters are square, others about half. */
const textWidth = (s: string): number =>
  Array.from(s).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7), 0);

/** A label cut to fit `width` with an ellipsis (the table beside the chart has the whole text). */
export function fitLabel(label: string, width: number): string {
  if (textWidth(label) <= width) return label;
  let out = '';
  for (const ch of label) {
    if (textWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}

export interface BarDatum {
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
  readonly href?: string;
}

/** Horizontal bars, value in 0..1 (null = withheld, drawn as a hatched empty bar). */
export function barChart(title: string, data: readonly BarDatum[], opts: { labelWidth?: number } = {}): string {
  const labelW = opts.labelWidth ?? 170;
  const barW = 260;
  const rowH = 22;
  const width = labelW + barW + 70;
  const height = data.length * rowH + 10;
  const rows = data
    .map((d, i) => {
      const y = 5 + i * rowH;
      const w = d.value === null ? 0 : Math.max(0, Math.min(1, d.value)) * barW;
      // The row's title holds the whole label: a tooltip where the label had to be cut.
      const label = `<title>${esc(d.label)}</title><text x="${labelW - 6}" y="${y + 15}" text-anchor="end" class="chart-label">${esc(fitLabel(d.label, labelW - 10))}</text>`;
      const track = `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 8}" class="chart-track"/>`;
      const bar =
        d.value === null
          ? ''
          : `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" class="chart-bar"/>`;
      const value = `<text x="${labelW + barW + 6}" y="${y + 15}" class="chart-value">${esc(d.text)}</text>`;
      return `<g>${label}${track}${bar}${value}</g>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${rows}</svg>`;
}

export interface LinePoint {
  readonly label: string;
  readonly value: number | null;
}

/** Counts over time; withheld months break the line and are marked with an open circle on the axis. */
export function lineChart(title: string, points: readonly LinePoint[]): string {
  const width = 560;
  const height = 200;
  const pad = { left: 48, right: 12, top: 12, bottom: 34 };
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const step = points.length > 1 ? (width - pad.left - pad.right) / (points.length - 1) : 0;
  const x = (i: number): number => pad.left + (points.length > 1 ? i * step : (width - pad.left - pad.right) / 2);
  const y = (v: number): number => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  const lines = segments.map((s) => `<polyline points="${s}" class="chart-line"/>`).join('');
  const dots = points
    .map((p, i) =>
      p.value === null
        ? `<circle cx="${x(i).toFixed(1)}" cy="${height - pad.bottom}" r="3" class="chart-dot-withheld"/>`
        : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" class="chart-dot"/>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(points.length / 8));
  // The last label is anchored at its end so it stays inside the chart.
  const anchor = (i: number): string => (i === points.length - 1 && points.length > 1 ? 'end' : 'middle');
  const labels = points
    .map((p, i) =>
      i % every === 0
        ? `<text x="${x(i).toFixed(1)}" y="${height - 12}" text-anchor="${anchor(i)}" class="chart-label">${esc(p.label)}</text>`
        : '',
    )
    .join('');
  const axis =
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" class="chart-axis"/>` +
    `<text x="${pad.left - 6}" y="${y(max) + 4}" text-anchor="end" class="chart-label">${formatCount(max)}</text>` +
    `<text x="${pad.left - 6}" y="${height - pad.bottom + 4}" text-anchor="end" class="chart-label">0</text>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${axis}${lines}${dots}${labels}</svg>`;
}

/** Five steps from low (warm) to high (cool) compliance; the number is printed in every cell too. */
export function heatClass(rate: number | null): string {
  if (rate === null) return 'heat-na';
  if (rate < 0.5) return 'heat-1';
  if (rate < 0.65) return 'heat-2';
  if (rate < 0.8) return 'heat-3';
  if (rate < 0.9) return 'heat-4';
  return 'heat-5';
}

export interface HeatRow {
  readonly label: string;
  readonly cells: ReadonlyArray<{ readonly value: number | null; readonly text: string }>;
}

export function heatMap(title: string, columns: readonly string[], rows: readonly HeatRow[]): string {
  const labelW = 120;
  const cellW = 64;
  const cellH = 22;
  const headH = 40;
  const width = labelW + columns.length * cellW + 4;
  const height = headH + rows.length * cellH + 4;
  const head = columns
    .map(
      (c, j) =>
        `<text x="${labelW + j * cellW + cellW / 2}" y="${headH - 8}" text-anchor="middle" class="chart-label">${esc(c)}</text>`,
    )
    .join('');
  const body = rows
    .map((r, i) => {
      const y = headH + i * cellH;
      const cells = r.cells
        .map(
          (c, j) =>
            `<rect x="${labelW + j * cellW}" y="${y}" width="${cellW - 2}" height="${cellH - 2}" class="${heatClass(c.value)}"/>` +
            `<text x="${labelW + j * cellW + cellW / 2 - 1}" y="${y + 15}" text-anchor="middle" class="chart-cell">${esc(c.text)}</text>`,
        )
        .join('');
      return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" class="chart-label">${esc(r.label)}</text>${cells}`;
    })
    .join('');
  return `<svg class="chart chart-heat" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${head}${body}</svg>`;
}
