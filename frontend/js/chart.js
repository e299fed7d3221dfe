// Charts measured from runs (a Chart from the server: title, axis labels, series of points), drawn with the
// vendored uPlot. Each series has its own dash pattern and marker size as well as its own colour, the legend
// draws the line itself, and the numbers are one click away as a table, so nothing depends on colour alone.
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { el } from '/js/dom.js';

// Okabe and Ito's palette, which readers with the common colour-vision deficiencies tell apart.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES = [[], [10, 5], [2, 4], [12, 4, 2, 4], [6, 3], [1, 7], [16, 6]];
const MARKERS = [6, 9, 5, 8, 7, 10, 4];
const HEIGHT = 280;
const SVG = 'http://www.w3.org/2000/svg';

function styleOf(index) {
  return { stroke: COLOURS[index % COLOURS.length], dash: DASHES[index % DASHES.length], marker: MARKERS[index % MARKERS.length] };
}

let stylesheetAdded = false;

function addStylesheet() {
  if (!stylesheetAdded) {
    document.head.append(el('link', { rel: 'stylesheet', href: '/vendor/uplot/uPlot.min.css' }));
    stylesheetAdded = true;
  }
}

/** uPlot's data: the x values of every series, sorted, then each series' y at them (null where it has none). */
export function alignedData(series) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const rows = series.map((s) => {
    const byX = new Map(s.points.map((p) => [p.x, p.y]));
    return xs.map((x) => (byX.has(x) ? byX.get(x) : null));
  });
  return [xs, ...rows];
}

function legendSample(style) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '40');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [name, value] of [['x1', 2], ['y1', 6], ['x2', 38], ['y2', 6], ['stroke', style.stroke], ['stroke-width', 2],
    ['stroke-dasharray', style.dash.join(' ') || 'none']]) {
    line.setAttribute(name, String(value));
  }
  svg.append(line);
  return svg;
}

function legend(chart) {
  return el('ul', { class: 'chart-legend' }, ...chart.series.map((s, i) =>
    el('li', { 'data-series': s.label }, legendSample(styleOf(i)), ` ${s.label}`)));
}

/** The chart's numbers as a table: a row per x value, a column per series. */
function numbers(chart) {
  const [xs, ...rows] = alignedData(chart.series);
  const head = el('tr', {}, el('th', { scope: 'col' }, chart.xLabel), ...chart.series.map((s) => el('th', { scope: 'col' }, s.label)));
  const body = xs.map((x, r) => el('tr', {}, el('th', { scope: 'row' }, String(x)),
    ...rows.map((row) => el('td', {}, row[r] === null ? '—' : String(row[r])))));
  return el('details', { class: 'chart-numbers' }, el('summary', {}, 'The numbers'),
    el('div', { class: 'table-scroll' }, el('table', { class: 'data' }, el('caption', {}, `${chart.title}: ${chart.yLabel}`),
      el('thead', {}, head), el('tbody', {}, ...body))));
}

/**
 * Draws {@code chart} into a new element and returns it: the plot, its legend and its numbers. The plot follows
 * the element's width as the page resizes.
 */
export function drawChart(chart) {
  addStylesheet();
  const plot = el('div', { class: 'chart-plot', role: 'img', 'aria-label': `${chart.title}: ${chart.yLabel} against ${chart.xLabel}` });
  const element = el('div', { class: 'chart' }, plot, legend(chart), numbers(chart));
  const options = {
    title: chart.title,
    width: 640,
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [{ label: chart.xLabel }, { label: chart.yLabel }],
    series: [{ label: chart.xLabel }, ...chart.series.map((s, i) => {
      const style = styleOf(i);
      return { label: s.label, stroke: style.stroke, dash: style.dash, width: 2, spanGaps: true,
        points: { show: true, size: style.marker, stroke: style.stroke, fill: style.stroke } };
    })],
  };
  const drawn = new uPlot(options, alignedData(chart.series), plot);
  const fit = () => {
    const width = Math.max(280, Math.floor(plot.clientWidth));
    if (width !== drawn.width) {
      drawn.setSize({ width, height: HEIGHT });
    }
  };
  new ResizeObserver(fit).observe(plot);
  return element;
}
