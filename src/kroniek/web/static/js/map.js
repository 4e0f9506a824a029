// The event map: an offline Natural Earth basemap (GeoJSON, no tiles) with clustered, coloured markers.
/* global L */
import { el } from "./dom.js";
import { EVENT_TYPES, placeText, quantityText, timeText, typeColour, typeLabel } from "./format.js";
import { articleHash } from "./route.js";

const BASEMAP_URL = "/static/vendor/basemap/countries.geojson";
const COUNTRY_STYLE = { color: "#9aa5ad", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 };

/** A Leaflet map of events. Call ``show(events)`` with /api/events items. */
export class EventMap {
  constructor(container) {
    this.node = container;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 });
    this.map.setView([25, 20], 2);
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
    this.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true });
    this.map.addLayer(this.cluster);
    this.legend = legendControl().addTo(this.map);
    this.basemap = loadBasemap(this.map);
    window.kroniekMap = this; // handy in the browser console and in tests
  }

  /** Replace the markers by ``events`` (those without coordinates are left out); returns how many were drawn. */
  show(events) {
    this.cluster.clearLayers();
    const markers = events.filter(hasCoordinates).map(eventMarker);
    this.cluster.addLayers(markers);
    if (markers.length) {
      this.map.fitBounds(this.cluster.getBounds().pad(0.3), { maxZoom: 6 });
    }
    return markers.length;
  }

  destroy() {
    this.map.remove();
    if (window.kroniekMap === this) delete window.kroniekMap;
  }
}

function loadBasemap(map) {
  return fetch(BASEMAP_URL)
    .then((response) => response.json())
    .then((geojson) => L.geoJSON(geojson, { style: COUNTRY_STYLE, interactive: false }).addTo(map))
    .catch(() => null); // the markers still work on a blank background
}

function hasCoordinates(event) {
  return event.place && Number.isFinite(event.place.lat) && Number.isFinite(event.place.lon);
}

function eventMarker(event) {
  const icon = L.divIcon({
    className: "ev-marker-wrap",
    html: "", // the dot is styled by CSS; nothing from the data goes into HTML
    iconSize: [14, 14],
  });
  const marker = L.marker([event.place.lat, event.place.lon], { icon, title: typeLabel(event.type), keyboard: true });
  marker.on("add", () => styleMarker(marker, event));
  marker.bindPopup(() => popupContent(event), { maxWidth: 320 });
  marker.kroniekEvent = event;
  return marker;
}

function styleMarker(marker, event) {
  const node = marker.getElement();
  if (!node) return;
  node.classList.add("ev-marker");
  node.style.background = typeColour(event.type);
  node.dataset.type = event.type;
  node.dataset.eventId = event.id;
}

/** The popup: type, date, place, actors, fatalities and a link to the sentence in the article. */
export function popupContent(event) {
  const rows = [
    ["Date", event.date ? timeText(event.date, event.time_precision) : event.published ? `${event.published} (published)` : "unknown"],
    ["Place", placeText(event.place)],
    ["Actors", (event.actors || []).join(", ")],
    ["Targets", (event.targets || []).join(", ")],
    ["Fatalities", quantityText(event.fatalities)],
    ["Injured", quantityText(event.injured)],
    ["Modality", event.modality && event.modality !== "asserted" ? event.modality : ""],
    ["Article", event.document_title || ""],
  ].filter(([, value]) => value);
  return el("div", { className: "ev-popup" },
    el("div", { className: "ev-popup-type" },
      el("span", { className: "swatch", style: `background:${typeColour(event.type)}` }),
      typeLabel(event.type), event.subtype ? ` · ${typeLabel(event.subtype)}` : ""),
    el("dl", {}, rows.map(([key, value]) => [el("dt", {}, key), el("dd", {}, value)])),
    el("a", { className: "ev-popup-link", href: articleHash(event.document_id, event.sentence?.index, { event: event.id }, event.trigger) },
      "Read the sentence in the article →"));
}

function legendControl() {
  const control = L.control({ position: "bottomleft" });
  control.onAdd = () => el("div", { className: "map-legend" },
    EVENT_TYPES.map(([key, label]) => el("div", {},
      el("span", { className: "swatch", style: `background:${typeColour(key)}` }), label)));
  return control;
}
