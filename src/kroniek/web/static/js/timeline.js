// The timeline: events per week, stacked by type, as a plain SVG bar chart.
import { el, svg } from "./dom.js";
import { typeColour, typeLabel } from "./format.js";

const HEIGHT = 170;
const MARGIN = { top: 10, right: 10, bottom: 28, left: 34 };
const DAY_MS = 86400000;
const MAX_WEEKS = 156; // longer spans are drawn per month

/** Draw /api/events/timeline data; ``onPickWeek(startIso, monthly)`` is called when a bar is clicked. */
export class Timeline {
  constructor(onPickWeek) {
    this.onPickWeek = onPickWeek;
    this.node = el("figure", { className: "timeline" });
  }

  show(data) {
    let weeks = fillWeeks(data.weeks || []);
    const monthly = weeks.length > MAX_WEEKS;
    if (monthly) weeks = byMonth(weeks);
    const types = orderTypes(data.types || [], weeks);
    const width = Math.max(320, this.node.clientWidth || 640);
    const caption = el("figcaption", {}, `Events per ${monthly ? "month" : "week"}, by type${monthly ? " (long span)" : ""}`);
    if (!weeks.length) {
      this.node.replaceChildren(caption, el("p", { className: "empty" }, "No dated events for these filters."));
      return;
    }
    const chart = svg("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", "aria-label": "Events per week" });
    drawBars(chart, weeks, types, width, (start) => this.onPickWeek && this.onPickWeek(start, monthly));
    this.node.replaceChildren(caption, chart);
  }
}

/** Every Monday from the first to the last week, with zero counts where no events fell. */
export function fillWeeks(weeks) {
  if (!weeks.length) return [];
  const byWeek = new Map(weeks.map((w) => [w.week, w.counts || {}]));
  const sorted = [...byWeek.keys()].sort();
  const out = [];
  const last = Date.parse(sorted[sorted.length - 1]);
  for (let t = Date.parse(sorted[0]); t <= last && out.length < 1500; t += 7 * DAY_MS) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push({ week, counts: byWeek.get(week) || {} });
  }
  return out;
}

/** Sum weekly counts per calendar month (of each week's Monday): [{week: "YYYY-MM-01", counts}]. */
export function byMonth(weeks) {
  const months = new Map();
  for (const w of weeks) {
    const key = `${w.week.slice(0, 7)}-01`;
    const counts = months.get(key) || {};
    for (const [type, n] of Object.entries(w.counts)) counts[type] = (counts[type] || 0) + n;
    months.set(key, counts);
  }
  return [...months.entries()].map(([week, counts]) => ({ week, counts }));
}

function orderTypes(types, weeks) {
  const seen = new Set(types);
  for (const w of weeks) for (const t of Object.keys(w.counts)) seen.add(t);
  return [...seen];
}

function drawBars(chart, weeks, types, width, onPick) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...weeks.map((w) => total(w.counts)));
  const step = innerW / weeks.length;
  const barW = Math.max(1, step * 0.8);
  const y = (value) => MARGIN.top + innerH - (value / max) * innerH;
  drawYAxis(chart, max, y, width);
  weeks.forEach((w, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    const group = svg("g", { class: "bar", "data-week": w.week });
    let base = 0;
    for (const type of types) {
      const count = w.counts[type] || 0;
      if (!count) continue;
      group.appendChild(svg("rect", {
        x, y: y(base + count), width: barW, height: Math.max(0.5, y(base) - y(base + count)), fill: typeColour(type),
      }, svg("title", {}, `${w.week}: ${count} ${typeLabel(type)}`)));
      base += count;
    }
    group.addEventListener("click", () => onPick && onPick(w.week));
    chart.appendChild(group);
  });
  drawXAxis(chart, weeks, step);
}

function total(counts) {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function drawYAxis(chart, max, y, width) {
  const ticks = max <= 4 ? [0, max] : [0, Math.round(max / 2), max];
  for (const tick of ticks) {
    chart.appendChild(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick), class: "grid" }));
    chart.appendChild(svg("text", { x: MARGIN.left - 4, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, String(tick)));
  }
}

function drawXAxis(chart, weeks, step) {
  const every = Math.max(1, Math.ceil(weeks.length / 8));
  weeks.forEach((w, i) => {
    if (i % every) return;
    const x = MARGIN.left + i * step + step / 2;
    chart.appendChild(svg("text", { x, y: HEIGHT - 8, "text-anchor": "middle", class: "tick" }, w.week));
  });
}
