// <rnn-chart>: a Chart.js chart driven from the server (see ui/chart/Chart.java).
// The server calls setChart(configJson, datasetsJson) to (re)draw everything and
// appendPoints(seriesIndex, pointsJson, maxPoints) to stream new points.
// Nothing is set on the element in its constructor (elements made by document.createElement
// must not get attributes there); the canvas lives in a shadow root.
import { Chart, registerables } from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';

Chart.register(...registerables, zoomPlugin);

const GRID = 'rgba(0, 0, 0, 0.08)';

function axisOptions(axis) {
  const options = {
    type: axis.type,
    title: { display: !!axis.title, text: axis.title || '' },
    grid: { color: GRID },
  };
  if (axis.min !== null && axis.min !== undefined) options.min = axis.min;
  if (axis.max !== null && axis.max !== undefined) options.max = axis.max;
  if (axis.type === 'logarithmic') options.ticks = { callback: logTickLabel };
  return options;
}

// A log axis labels its ticks whatever its range: powers of ten over many decades, 1-2-5 over a
// few, every tick within one (perplexity from 10 to 25 gets 10 and 20, not nothing).
function logTickLabel(value, index, ticks) {
  const values = ticks.map((t) => t.value).filter((v) => v > 0);
  if (!(value > 0) || values.length === 0) return '';
  const decades = Math.log10(Math.max(...values) / Math.min(...values));
  const power = Math.floor(Math.log10(value) + 1e-9);
  const mantissa = Math.round((value / Math.pow(10, power)) * 1e6) / 1e6;
  const nice = mantissa === 1 || (decades <= 4 && (mantissa === 2 || mantissa === 5)) || decades <= 1.2;
  return nice ? formatTick(value) : '';
}

function formatTick(value) {
  if (value >= 1e6 || value < 1e-3) return value.toExponential(0).replace('e+', 'e');
  return Number(value).toLocaleString(undefined, { maximumSignificantDigits: 3 });
}

function dataset(d, type) {
  const data = d.data.map((p) => (type === 'bar' ? { x: p.label ?? p.x, y: p.y } : { x: p.x, y: p.y }));
  return {
    label: d.label,
    data,
    borderColor: d.color,
    backgroundColor: type === 'bar' ? d.color + 'cc' : d.color,
    showLine: d.showLine,
    borderDash: d.dashed ? [6, 4] : [],
    borderWidth: 2,
    pointRadius: d.pointRadius,
    pointHoverRadius: d.pointRadius + 2,
    marker: !!d.marker,
    pointStyle: d.marker ? 'crossRot' : 'circle',
    pointBorderWidth: d.marker ? 3 : 1,
    tension: 0,
    parsing: type === 'bar' ? undefined : false,
  };
}

function isEmptyMarker(ds) {
  return ds.marker && ds.data.length === 0;
}

function thin(points, maxPoints) {
  while (points.length > maxPoints) {
    const half = [];
    for (let i = 0; i < points.length; i += 2) half.push(points[i]);
    if ((points.length - 1) % 2 !== 0) half.push(points[points.length - 1]);
    points = half;
  }
  return points;
}

class RnnChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>
        :host { display: block; position: relative; min-height: 120px; }
        .box { position: absolute; inset: 0; }
      </style><div class="box"><canvas></canvas></div>`;
    this._canvas = root.querySelector('canvas');
  }

  connectedCallback() {
    if (this._config && !this._chart) this._draw();
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  setChart(configJson, datasetsJson) {
    this._config = JSON.parse(configJson);
    this._datasets = JSON.parse(datasetsJson);
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
    if (this.isConnected) this._draw();
  }

  appendPoints(seriesIndex, pointsJson, maxPoints) {
    const points = JSON.parse(pointsJson);
    const d = this._datasets[seriesIndex];
    d.data = thin(d.data.concat(points), maxPoints);
    if (this._chart) {
      const ds = this._chart.data.datasets[seriesIndex];
      ds.data = dataset(d, this._config.type).data;
      this._chart.update('none');
    }
    this._publishCount();
  }

  /** Points of the marker series (events such as an overflow), for tests. */
  markerPoints() {
    return (this._datasets || []).filter((d) => d.marker).reduce((n, d) => n + d.data.length, 0);
  }

  /** Resets zoom and pan. */
  resetZoom() {
    if (this._chart && this._chart.resetZoom) this._chart.resetZoom();
  }

  _draw() {
    const c = this._config;
    const zoom = c.zoom
      ? {
          zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'xy' },
          pan: { enabled: true, mode: 'xy' },
        }
      : { zoom: { wheel: { enabled: false } }, pan: { enabled: false } };
    this._chart = new Chart(this._canvas, {
      type: c.type,
      data: { datasets: this._datasets.map((d) => dataset(d, c.type)) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        normalized: true,
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: axisOptions(c.x), y: axisOptions(c.y) },
        plugins: {
          title: { display: !!c.title, text: c.title || '', font: { size: 14, weight: '600' } },
          legend: {
            display: c.legend,
            // a marker series (an overflow) is named only once it marks something
            labels: { boxWidth: 14, filter: (item, data) => !isEmptyMarker(data.datasets[item.datasetIndex]) },
          },
          zoom,
        },
      },
    });
    if (c.zoom) this._canvas.ondblclick = () => this.resetZoom();
    this._publishCount();
  }

  _publishCount() {
    const total = (this._datasets || []).reduce((n, d) => n + d.data.length, 0);
    this.setAttribute('data-points', String(total));
    if (this._config) this.setAttribute('data-y-scale', this._config.y.type);
  }
}

if (!customElements.get('rnn-chart')) customElements.define('rnn-chart', RnnChart);
