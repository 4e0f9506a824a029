// The event table: one row per event mention, paged by the API (limit/offset), sortable.
import { el } from "./dom.js";
import { placeText, quantityText, timeText, typeColour, typeLabel } from "./format.js";
import { articleHash } from "./route.js";

export const PAGE_SIZE = 25;
const SORTS = [["-date", "newest first"], ["date", "oldest first"], ["-fatalities", "most fatalities"], ["fatalities", "fewest fatalities"]];
const COLUMNS = ["Date", "Type", "Place", "Actors", "Fatalities", "Modality", "Article"];

/** The table; ``onPage({offset, sort})`` is called when the user pages or sorts. */
export class EventTable {
  constructor(onPage) {
    this.onPage = onPage;
    this.sort = el("select", { name: "sort", "aria-label": "Sort" }, SORTS.map(([key, label]) => el("option", { value: key }, label)));
    this.sort.addEventListener("change", () => this.onPage({ offset: 0, sort: this.sort.value }));
    this.summary = el("span", { className: "summary" });
    this.pager = el("span", { className: "pager" });
    this.body = el("tbody");
    this.node = el("section", { className: "event-table" },
      el("div", { className: "table-bar" }, this.summary, this.pager, el("label", {}, "Sort ", this.sort)),
      el("table", {}, el("thead", {}, el("tr", {}, COLUMNS.map((c) => el("th", {}, c)))), this.body));
  }

  /** Show one page of /api/events (``page`` is its JSON: total, limit, offset, items). */
  show(page, sort) {
    this.sort.value = sort || "-date";
    this.body.replaceChildren(...page.items.map(row));
    if (!page.items.length) this.body.appendChild(el("tr", {}, el("td", { colspan: COLUMNS.length, className: "empty" }, "No events match these filters.")));
    const first = page.total ? page.offset + 1 : 0;
    const last = page.offset + page.items.length;
    this.summary.textContent = `${first}–${last} of ${page.total} events`;
    this.pager.replaceChildren(
      el("button", { type: "button", disabled: page.offset <= 0, onclick: () => this.onPage({ offset: Math.max(0, page.offset - PAGE_SIZE) }) }, "← Previous"),
      el("button", { type: "button", disabled: last >= page.total, onclick: () => this.onPage({ offset: page.offset + PAGE_SIZE }) }, "Next →"));
  }
}

function row(event) {
  const link = articleHash(event.document_id, event.sentence?.index, { event: event.id }, event.trigger);
  return el("tr", { dataset: { eventId: event.id, type: event.type } },
    el("td", { className: "nowrap" }, event.date ? timeText(event.date, event.time_precision) : "—"),
    el("td", {}, el("span", { className: "swatch", style: `background:${typeColour(event.type)}` }), typeLabel(event.type),
      event.subtype ? el("div", { className: "sub" }, typeLabel(event.subtype)) : null),
    el("td", {}, placeText(event.place) || "—"),
    el("td", {}, (event.actors || []).join(", ") || "—"),
    el("td", { className: "num" }, quantityText(event.fatalities) || "—"),
    el("td", {}, event.modality || ""),
    el("td", {}, el("a", { href: link, className: "article-link", title: event.sentence?.text || "" }, event.document_title || "article")));
}
