// The article view: metadata, the text with every extracted span highlighted by kind, a legend,
// and the events and claims of the article. ALL article data is inserted as text, never as HTML.
import { getJson } from "./api.js";
import { el, externalLink, showStatus } from "./dom.js";
import { placeText, quantityText, typeColour, typeLabel } from "./format.js";
import { KINDS, collectMarks, renderText } from "./highlight.js";
import { articleHash, hashFor } from "./route.js";

export class ArticleView {
  constructor(root) {
    this.root = root;
    this.doc = null;
  }

  /** Show document ``id``; ``params.sentence`` (and ``event`` / ``claim``) pick what to highlight. */
  async update(id, params) {
    if (!id) {
      this.root.replaceChildren(el("p", {}, "No article chosen. Pick an event on the ", el("a", { href: "#/events" }, "map"), "."));
      return;
    }
    if (!this.doc || this.doc.id !== id) {
      this.root.replaceChildren(el("p", { className: "loading" }, "Loading article…"));
      this.doc = await getJson(`documents/${encodeURIComponent(id)}`);
    }
    const current = currentMarks(this.doc, params);
    this.render(current);
    showStatus(`${(this.doc.events || []).length} events · ${(this.doc.claims || []).length} claims in this article`);
    scrollToSentence(this.root, current.sentence);
  }

  render(current) {
    const doc = this.doc;
    const text = renderText(doc, current);
    this.root.replaceChildren(el("article", { className: "article-view" },
      el("div", { className: "article-main" }, header(doc), text),
      el("aside", { className: "article-side" },
        legend(doc, text), eventList(doc, current), claimList(doc, current))));
  }
}

/** Which sentence, event trigger and claim span to mark, from the hash parameters. */
export function currentMarks(doc, params) {
  const ids = new Set();
  let sentence = params.sentence !== undefined && params.sentence !== "" ? Number(params.sentence) : null;
  const event = params.event && findMark(doc.events, params.event, params.at, (e) => e.trigger);
  if (event) {
    ids.add(`event:${event.id}`);
    if (sentence === null) sentence = event.sentence;
  }
  const claim = params.claim && findMark(doc.claims, params.claim, params.at, (c) => c.span);
  if (claim) {
    ids.add(`claim:${claim.id}`);
    if (sentence === null) sentence = claim.sentence;
  }
  return { sentence: Number.isInteger(sentence) ? sentence : null, ids };
}

/** The item with this id, else the one whose span is at "start-end". */
function findMark(items, id, at, spanOf) {
  const byId = (items || []).find((item) => item.id === id);
  if (byId || !at) return byId || null;
  const [start, end] = at.split("-").map(Number);
  return (items || []).find((item) => spanOf(item)?.start === start && spanOf(item)?.end === end) || null;
}

function scrollToSentence(root, index) {
  if (index === null) {
    window.scrollTo(0, 0);
    return;
  }
  const node = root.querySelector(`#sentence-${index}`);
  if (node) node.scrollIntoView({ block: "center" });
}

function header(doc) {
  const meta = [doc.source, doc.published, doc.lang].filter(Boolean).join(" · ");
  return el("header", { className: "article-header" },
    el("p", {}, el("a", { href: "#/events" }, "← Back to the events")),
    el("h1", {}, doc.title || "(untitled)"),
    el("p", { className: "meta" }, meta, doc.url ? [" · ", externalLink(doc.url, "original")] : null),
    el("p", { className: "doc-id" }, doc.id));
}

/** The legend doubles as a switch: unticking a kind hides its highlighting. */
function legend(doc, textNode) {
  const counts = {};
  for (const m of collectMarks(doc)) counts[m.kind] = (counts[m.kind] || 0) + 1;
  const box = el("section", { className: "legend" }, el("h2", {}, "Highlighted"));
  for (const [kind, label] of KINDS) {
    const input = el("input", { type: "checkbox", checked: true, name: `show-${kind}` });
    input.addEventListener("change", () => textNode.classList.toggle(`hide-${kind}`, !input.checked));
    box.appendChild(el("label", { className: "legend-item" }, input, el("span", { className: `hl hl-${kind}` }, label), ` ${counts[kind] || 0}`));
  }
  box.appendChild(el("label", { className: "legend-item" }, el("span", { className: "sentence-sample" }, "Chosen sentence")));
  return box;
}

function eventList(doc, current) {
  const items = (doc.events || []).map((e) => el("li", { className: current.ids.has(`event:${e.id}`) ? "current" : "" },
    el("span", { className: "swatch", style: `background:${typeColour(e.type)}` }),
    el("a", { href: articleHash(doc.id, e.sentence, { event: e.id }, e.trigger) }, `${typeLabel(e.type)} · ${typeLabel(e.subtype)}`),
    el("div", { className: "sub" }, [e.time?.value, placeText(e.place), e.fatalities ? `${quantityText(e.fatalities)} dead` : null, e.modality !== "asserted" ? e.modality : null].filter(Boolean).join(" · "))));
  return el("section", {}, el("h2", {}, `Events (${items.length})`), items.length ? el("ul", { className: "side-list" }, items) : el("p", {}, "none"));
}

function claimList(doc, current) {
  const items = (doc.claims || []).map((c) => el("li", { className: current.ids.has(`claim:${c.id}`) ? "current" : "" },
    el("a", { href: articleHash(doc.id, c.sentence, { claim: c.id }, c.span) }, `${c.what}: ${quantityText(c.quantity)}`),
    el("div", { className: "sub" }, [c.source ? `source: ${c.source}` : null, c.hedged ? "hedged" : null].filter(Boolean).join(" · ")),
    el("a", { className: "sub", href: hashFor("claims", null, { what: c.what }) }, "how others reported it →")));
  return el("section", {}, el("h2", {}, `Claims (${items.length})`), items.length ? el("ul", { className: "side-list" }, items) : el("p", {}, "none"));
}
