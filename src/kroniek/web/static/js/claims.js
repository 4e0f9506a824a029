// The claim view: pick a `what` (and a place); chart how the figure was reported across articles
// over time, and list the claims with their source and qualifier, each linking to its article.
import { getJson } from "./api.js";
import { el, showStatus } from "./dom.js";
import { placeText, quantityText } from "./format.js";
import { claimChart } from "./chart.js";
import { articleHash, go, hashFor } from "./route.js";

export class ClaimsView {
  constructor(root) {
    this.whats = el("datalist", { id: "what-options" });
    this.suggestions = el("p", { className: "suggestions" });
    this.form = pickerForm(this.whats);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      go(hashFor("claims", null, { what: this.form.elements.what.value.trim(), place: this.form.elements.place.value.trim() }));
    });
    this.chart = el("figure", { className: "claim-figure" });
    this.byId = new Map();
    this.list = el("section", { className: "claim-list" });
    root.append(el("section", { className: "claims-view" }, el("h1", {}, "How figures were reported"), this.form, this.suggestions, this.chart, this.list));
    this.loadSuggestions();
  }

  async update(_id, params) {
    this.form.elements.what.value = params.what || "";
    this.form.elements.place.value = params.place || "";
    if (!params.what) {
      this.chart.replaceChildren(el("p", { className: "empty" }, "Pick what was counted (e.g. people, dead, civilians) to see how the figure was reported."));
      this.list.replaceChildren();
      return;
    }
    const query = { what: params.what, place: params.place || "" };
    const [series, claims] = await Promise.all([getJson("claims/series", query), getJson("claims", { ...query, limit: 1000 })]);
    this.byId = new Map(claims.items.map((c) => [c.id, c]));
    this.showChart(series);
    this.showList(claims);
    showStatus(`${claims.total} claims about “${params.what}”`);
  }

  showChart(series) {
    const width = Math.max(360, this.chart.clientWidth || 720);
    const points = series.points || [];
    const pick = (p) => {
      const claim = this.byId.get(p.claim_id);
      go(articleHash(p.document_id, claim?.sentence?.index, { claim: p.claim_id }, claim?.span));
    };
    this.chart.replaceChildren(
      el("figcaption", {}, `“${series.what}”${series.place ? ` in ${series.place}` : ""}: ${points.length} reports`),
      points.length ? claimChart(points, width, pick) : el("p", { className: "empty" }, "No dated figures."),
      el("p", { className: "chart-legend" }, "● exact   ○ qualified (about, at least…)   ┃ low–high range   ↑ lower bound only"));
  }

  showList(page) {
    const rows = page.items.map((c) => el("tr", { dataset: { claimId: c.id } },
      el("td", { className: "nowrap" }, c.time?.value || c.published || "—"),
      el("td", { className: "num" }, quantityText({ value: c.value, low: c.low, high: c.high, qualifier: c.qualifier })),
      el("td", {}, c.qualifier || ""),
      el("td", {}, c.what),
      el("td", {}, (c.places || []).map((p) => (typeof p === "string" ? p : placeText(p))).join(", ")),
      el("td", {}, c.source || "—", c.hedged ? el("span", { className: "sub" }, " (hedged)") : null),
      el("td", {}, el("a", { href: articleHash(c.document_id, c.sentence?.index, { claim: c.id }, c.span), title: c.sentence?.text || "" }, c.document_title || "article"))));
    this.list.replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, ["Date", "Figure", "Qualifier", "What", "Places", "Source", "Article"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows)));
  }

  /** Offer the most common `what`s as a datalist and a few quick links. */
  async loadSuggestions() {
    try {
      const page = await getJson("claims", { limit: 1000 });
      const counts = new Map();
      for (const c of page.items) counts.set(c.what, (counts.get(c.what) || 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      this.whats.replaceChildren(...top.slice(0, 50).map(([what]) => el("option", { value: what })));
      this.suggestions.replaceChildren("Often counted: ",
        ...top.slice(0, 10).flatMap(([what, n]) => [el("a", { href: hashFor("claims", null, { what }) }, `${what} (${n})`), " "]));
    } catch (_error) {
      /* suggestions are optional */
    }
  }
}

function pickerForm(datalist) {
  return el("form", { className: "claim-picker" },
    el("label", { className: "field" }, el("span", {}, "What"), el("input", { name: "what", list: "what-options", placeholder: "people", required: true })),
    el("label", { className: "field" }, el("span", {}, "Place"), el("input", { name: "place", placeholder: "optional, e.g. Kabul" })),
    el("button", { type: "submit" }, "Show"),
    datalist);
}
