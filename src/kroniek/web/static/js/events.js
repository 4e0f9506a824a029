// The events view: filters drive the map, the timeline and the table together (state in the hash).
import { exportUrl, getAll, getJson } from "./api.js";
import { el, showStatus } from "./dom.js";
import { FilterForm } from "./filters.js";
import { EventMap } from "./map.js";
import { EventTable, PAGE_SIZE } from "./table.js";
import { Timeline } from "./timeline.js";
import { eventFilters, go, hashFor } from "./route.js";

const MAP_CAP = 10000; // most markers drawn at once

export class EventsView {
  constructor(root) {
    this.params = {};
    this.filters = new FilterForm((values) => go(hashFor("events", null, values)));
    this.timeline = new Timeline((week) => this.pickWeek(week));
    this.table = new EventTable((change) => go(hashFor("events", null, { ...this.params, ...change })));
    this.exports = el("div", { className: "exports" });
    const mapNode = el("div", { id: "map", className: "map" });
    root.append(el("section", { className: "events-view" },
      this.filters.node,
      el("div", { className: "map-and-timeline" }, mapNode, this.timeline.node),
      this.exports,
      this.table.node));
    this.map = new EventMap(mapNode);
    this.requests = {};
  }

  /** Load everything for the filters in ``params`` (the id is unused in this view). */
  async update(_id, params) {
    const previous = eventFilters(this.params);
    this.params = params;
    const filters = eventFilters(params);
    this.filters.set(filters);
    this.showExports(filters);
    const sameFilters = JSON.stringify(previous) === JSON.stringify(filters) && this.loaded;
    const jobs = [this.loadTable(filters, this.ticket("table"))];
    if (!sameFilters) jobs.push(this.loadMap(filters, this.ticket("map")), this.loadTimeline(filters, this.ticket("timeline")));
    this.loaded = true;
    await Promise.all(jobs);
  }

  /** A number for the newest request of one part; answers to older requests are dropped. */
  ticket(part) {
    this.requests[part] = (this.requests[part] || 0) + 1;
    return this.requests[part];
  }

  async loadTable(filters, request) {
    const sort = this.params.sort || "-date";
    const offset = Number(this.params.offset) || 0;
    const page = await getJson("events", { ...filters, sort, limit: PAGE_SIZE, offset });
    if (request === this.requests.table) this.table.show(page, sort);
  }

  async loadMap(filters, request) {
    const { total, items } = await getAll("events", filters, MAP_CAP);
    if (request !== this.requests.map) return;
    const drawn = this.map.show(items);
    this.filters.setCountries(new Set(items.map((e) => e.place?.country_code).filter(Boolean)));
    showStatus(`${total} events · ${drawn} on the map${total > items.length ? ` (first ${items.length})` : ""}`);
  }

  async loadTimeline(filters, request) {
    const data = await getJson("events/timeline", filters);
    if (request === this.requests.timeline) this.timeline.show(data);
  }

  /** A click on a timeline bar narrows the date range to that week (or month). */
  pickWeek(start, monthly = false) {
    const first = new Date(Date.parse(start));
    const last = monthly ? new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)) : new Date(first.getTime() + 6 * 86400000);
    go(hashFor("events", null, { ...eventFilters(this.params), date_from: start, date_to: last.toISOString().slice(0, 10) }));
  }

  showExports(filters) {
    this.exports.replaceChildren("Download these events: ",
      ...["csv", "geojson", "jsonl"].map((format) => el("a", { href: exportUrl(format, filters), download: `kroniek-events.${format}` }, format.toUpperCase())));
  }

  destroy() {
    this.map.destroy();
  }
}
