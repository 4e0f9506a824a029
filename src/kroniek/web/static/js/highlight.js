// Turn a kroniek.document/1 JSON object into highlighted text nodes. Offsets are code points, so the
// text is handled as an array of code points (JavaScript strings count UTF-16 units).
// Everything from the document is inserted as text (createTextNode / textContent), never as HTML.
import { el } from "./dom.js";
import { number, quantityText, typeLabel } from "./format.js";

/** The kinds of highlighted span, in legend order, with their legend labels. */
export const KINDS = [
  ["entity", "Entities"],
  ["place", "Places"],
  ["time", "Times"],
  ["quantity", "Quantities"],
  ["event", "Event triggers"],
  ["claim", "Claims"],
];

/** Every span to highlight: {start, end, kind, tip, id}. */
export function collectMarks(doc) {
  return [
    ...(doc.entities || []).map((e) => mark(e, "entity", entityTip(e), e.id)),
    ...(doc.places || []).map((p) => mark(p, "place", placeTip(p))),
    ...(doc.times || []).map((t) => mark(t, "time", timeTip(t))),
    ...(doc.quantities || []).map((q) => mark(q, "quantity", quantityTip(q))),
    ...(doc.events || []).map((e) => mark(e.trigger || {}, "event", eventTip(e), e.id)),
    ...(doc.claims || []).filter((c) => c.span).map((c) => mark(c.span, "claim", claimTip(c), c.id)),
  ].filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start);
}

function mark(span, kind, tip, id = null) {
  return { start: span.start, end: span.end, kind, tip, id };
}

function entityTip(e) {
  const extra = [e.actor_type, e.affiliation ? `of ${e.affiliation}` : null].filter(Boolean).join(", ");
  return `Entity (${e.label}): ${e.canonical || e.text}${extra ? ` — ${extra}` : ""}`;
}

function placeTip(p) {
  const coords = Number.isFinite(p.lat) ? ` (${number(p.lat)}, ${number(p.lon)})` : " (no coordinates)";
  const id = p.geonames_id ? ` · GeoNames ${p.geonames_id}` : "";
  return `Place: ${p.name}${p.country_code ? `, ${p.country_code}` : ""}${coords}${id}`;
}

function timeTip(t) {
  const stretch = t.value_from || t.value_to ? ` [${t.value_from || "…"} – ${t.value_to || "…"}]` : "";
  return `Time: ${t.value || "unresolved"} (${t.precision})${stretch}`;
}

function quantityTip(q) {
  return `Quantity: ${quantityText(q) || "?"} (${q.qualifier})${q.what ? ` — what: ${q.what}` : ""}`;
}

function eventTip(e) {
  const parts = [`Event: ${typeLabel(e.type)} · ${typeLabel(e.subtype)} (${e.modality})`];
  if (e.actors?.length) parts.push(`actors: ${e.actors.join(", ")}`);
  if (e.fatalities) parts.push(`fatalities: ${quantityText(e.fatalities)}`);
  if (e.place) parts.push(`place: ${e.place.name}`);
  if (e.time?.value) parts.push(`date: ${e.time.value}`);
  return parts.join("; ");
}

function claimTip(c) {
  const who = c.source ? `, source: ${c.source}` : "";
  return `Claim: ${c.what} = ${quantityText(c.quantity)}${who}${c.hedged ? " (hedged)" : ""}`;
}

/**
 * Split [0, length) at every mark and sentence boundary: [{start, end, sentence, marks}].
 * ``sentence`` is the index of the sentence holding the piece, or -1 between sentences.
 */
export function segments(length, marks, sentences) {
  const cuts = new Set([0, length]);
  for (const s of [...marks, ...sentences]) {
    cuts.add(clamp(s.start, length));
    cuts.add(clamp(s.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    out.push({ start, end, sentence: sentences.findIndex((s) => s.start <= start && end <= s.end), marks: covering });
  }
  return out;
}

function clamp(value, length) {
  return Math.max(0, Math.min(length, value));
}

/**
 * Render ``doc.text`` as sentence spans (id "sentence-N") holding highlighted pieces.
 * ``current`` = {sentence, ids: Set of event/claim ids} marks the clicked event's sentence and trigger.
 */
export function renderText(doc, current = {}) {
  const chars = Array.from(doc.text || "");
  const marks = collectMarks(doc);
  const container = el("div", { className: "article-text" });
  let holder = container;
  let holderIndex = -1;
  for (const piece of segments(chars.length, marks, doc.sentences || [])) {
    if (piece.sentence !== holderIndex) {
      holderIndex = piece.sentence;
      holder = piece.sentence < 0 ? container : container.appendChild(sentenceNode(piece.sentence, current));
    }
    holder.appendChild(pieceNode(chars.slice(piece.start, piece.end).join(""), piece.marks, current));
  }
  return container;
}

function sentenceNode(index, current) {
  const node = el("span", { className: "sentence", id: `sentence-${index}`, dataset: { index: String(index) } });
  if (index === current.sentence) node.classList.add("sentence-current");
  return node;
}

function pieceNode(text, marks, current) {
  if (!marks.length) return document.createTextNode(text);
  const node = el("span", { className: "hl", title: marks.map((m) => m.tip).join("\n") }, text);
  for (const m of marks) {
    node.classList.add(`hl-${m.kind}`);
    if (m.id && current.ids && current.ids.has(`${m.kind}:${m.id}`)) node.classList.add("hl-current");
  }
  return node;
}
