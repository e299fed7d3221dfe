// A lab's figures: charts the server measured from its own runs when the lab loaded.
import { el, notice } from '/js/dom.js';
import { drawChart } from '/js/chart.js';

function figure(spec) {
  const caption = el('figcaption', { class: 'prose' });
  caption.innerHTML = spec.captionHtml; // sanitized by the server
  let chart;
  try {
    chart = drawChart(spec.chart);
  } catch (error) {
    chart = notice(`This figure cannot be drawn: ${error.message}`);
  }
  return el('figure', { class: 'lab-figure', id: `figure-${spec.id}`, 'data-figure': spec.id },
    el('h3', {}, spec.title), chart, caption);
}

export function figures(list) {
  return list.map(figure);
}
