// The claim chart: how a figure was reported over time — points, a line, and low–high range bars.
import { svg } from "./dom.js";
import { number, quantityText } from "./format.js";

const HEIGHT = 260;
const MARGIN = { top: 24, right: 20, bottom: 30, left: 76 };
const LOG_RATIO = 100; // figures spanning more than this factor are drawn on a log scale
const OPEN = new Set(["at_least", "more_than"]); // figures with a floor only: drawn with an arrow up

/** An SVG chart of /api/claims/series points; ``onPick(point)`` is called when a point is clicked. */
export function claimChart(points, width, onPick) {
  const dated = points.filter((p) => p.date && Number.isFinite(Date.parse(p.date)) && shownValue(p) !== null);
  const chart = svg("svg", { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, class: "claim-chart", role: "img", "aria-label": "Reported figures over time" });
  if (!dated.length) return chart;
  const scale = scales(dated, width);
  drawAxes(chart, scale, width);
  if (scale.log) chart.appendChild(svg("text", { class: "tick", x: MARGIN.left, y: 12 }, "log scale"));
  chart.appendChild(svg("polyline", { class: "series-line", points: dated.map((p) => `${scale.x(p.date)},${scale.y(shownValue(p))}`).join(" ") }));
  for (const point of dated) chart.appendChild(pointGroup(point, scale, onPick));
  return chart;
}

/** The value a point is drawn at: its value, else the middle of its range, else its bound. */
export function shownValue(p) {
  if (p.value !== null && p.value !== undefined) return p.value;
  if (p.low !== null && p.low !== undefined && p.high !== null && p.high !== undefined) return (p.low + p.high) / 2;
  return p.low ?? p.high ?? null;
}

function scales(points, width) {
  const times = points.map((p) => Date.parse(p.date));
  let [t0, t1] = [Math.min(...times), Math.max(...times)];
  if (t0 === t1) [t0, t1] = [t0 - 86400000 * 3, t1 + 86400000 * 3];
  const values = points.flatMap((p) => [shownValue(p), p.low, p.high]).filter((v) => Number.isFinite(v) && v > 0);
  const top = Math.max(1, ...values) * 1.1;
  const bottom = Math.max(0.5, Math.min(...values, top) / 2);
  const log = top / bottom > LOG_RATIO;
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const fraction = log ? (v) => (Math.log10(Math.max(v, bottom)) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom)) : (v) => v / top;
  return {
    t0, t1, top, bottom, log,
    x: (date) => MARGIN.left + ((Date.parse(date) - t0) / (t1 - t0)) * innerW,
    y: (value) => MARGIN.top + innerH - fraction(value) * innerH,
  };
}

function yTicks(scale) {
  if (!scale.log) return [0, scale.top / 2, scale.top].map((v) => Math.round(v));
  const ticks = [];
  for (let power = Math.ceil(Math.log10(scale.bottom)); 10 ** power <= scale.top; power++) ticks.push(10 ** power);
  return ticks;
}

function drawAxes(chart, scale, width) {
  for (const tick of yTicks(scale)) {
    chart.appendChild(svg("line", { class: "grid", x1: MARGIN.left, x2: width - MARGIN.right, y1: scale.y(tick), y2: scale.y(tick) }));
    chart.appendChild(svg("text", { class: "tick", x: MARGIN.left - 6, y: scale.y(tick) + 4, "text-anchor": "end" }, tick.toLocaleString("en")));
  }
  const days = [scale.t0, (scale.t0 + scale.t1) / 2, scale.t1].map((t) => new Date(t).toISOString().slice(0, 10));
  days.forEach((day, i) => {
    const anchor = ["start", "middle", "end"][i];
    chart.appendChild(svg("text", { class: "tick", x: scale.x(day), y: HEIGHT - 8, "text-anchor": anchor }, day));
  });
}

function pointGroup(p, scale, onPick) {
  const x = scale.x(p.date);
  const group = svg("g", { class: `point q-${p.qualifier}`, "data-claim-id": p.claim_id });
  if (p.low !== null && p.low !== undefined && p.high !== null && p.high !== undefined && p.high !== p.low) {
    group.append(
      svg("line", { class: "range", x1: x, x2: x, y1: scale.y(p.low), y2: scale.y(p.high) }),
      svg("line", { class: "range", x1: x - 4, x2: x + 4, y1: scale.y(p.low), y2: scale.y(p.low) }),
      svg("line", { class: "range", x1: x - 4, x2: x + 4, y1: scale.y(p.high), y2: scale.y(p.high) }));
  } else if (OPEN.has(p.qualifier)) {
    const y = scale.y(shownValue(p));
    group.append(svg("line", { class: "range", x1: x, x2: x, y1: y, y2: y - 18 }),
      svg("path", { class: "arrow", d: `M${x - 4},${y - 14} L${x},${y - 20} L${x + 4},${y - 14}` }));
  }
  const exact = !p.qualifier || p.qualifier === "exact";
  group.appendChild(svg("circle", { cx: x, cy: scale.y(shownValue(p)), r: 5, class: exact ? "dot" : "dot open" },
    svg("title", {}, `${p.date}: ${quantityText(p) || number(shownValue(p))}${p.source ? ` — source: ${p.source}` : ""}`)));
  group.addEventListener("click", () => onPick && onPick(p));
  return group;
}
