// Labels, colours and number formats shared by the views.

/** ACLED event types in display order, with a colour each (colour-blind friendly palette). */
export const EVENT_TYPES = [
  ["battles", "Battles", "#d62728"],
  ["explosions_remote_violence", "Explosions / remote violence", "#ff7f0e"],
  ["violence_against_civilians", "Violence against civilians", "#9467bd"],
  ["protests", "Protests", "#1f77b4"],
  ["riots", "Riots", "#e377c2"],
  ["strategic_developments", "Strategic developments", "#2ca02c"],
];
const EXTRA_COLOURS = ["#8c564b", "#17becf", "#bcbd22", "#7f7f7f"];
const extra = new Map();

export const MODALITIES = ["asserted", "reported", "attempted", "planned", "hypothetical", "negated", "generic"];

/** The colour of an event type (unknown types get a stable extra colour). */
export function typeColour(type) {
  const known = EVENT_TYPES.find(([key]) => key === type);
  if (known) return known[2];
  if (!extra.has(type)) extra.set(type, EXTRA_COLOURS[extra.size % EXTRA_COLOURS.length]);
  return extra.get(type);
}

/** A human label for an event type or subtype key ("violence_against_civilians" -> "Violence against civilians"). */
export function typeLabel(type) {
  const known = EVENT_TYPES.find(([key]) => key === type);
  if (known) return known[1];
  const words = String(type || "unknown").replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const QUALIFIER_WORDS = {
  exact: "",
  about: "about ",
  at_least: "at least ",
  more_than: "more than ",
  at_most: "at most ",
  less_than: "fewer than ",
  vague: "",
};

/** A number for display (integers without decimals). */
export function number(value) {
  if (value === null || value === undefined) return "";
  const rounded = Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  return Math.abs(rounded) >= 10000 ? rounded.toLocaleString("en") : String(rounded);
}

/** A quantity with its qualifier: "at least 12", "12–15", "about 200", "dozens". */
export function quantityText(quantity) {
  if (!quantity) return "";
  const { value, low, high, qualifier } = quantity;
  if (qualifier === "range" || (low !== null && low !== undefined && high !== null && high !== undefined && low !== high)) {
    return `${number(low)}–${number(high)}`;
  }
  const shown = value ?? low ?? high;
  if (shown === null || shown === undefined) return qualifier === "vague" ? "unspecified number" : "";
  return `${QUALIFIER_WORDS[qualifier] ?? ""}${number(shown)}`;
}

/** A place for display: "Kabul, AF". */
export function placeText(place) {
  if (!place) return "";
  return place.country_code ? `${place.name}, ${place.country_code}` : place.name;
}

/** A time value for display: "2019-03-13" or "2019-03 (month)". */
export function timeText(value, precision) {
  if (!value) return "";
  return precision && precision !== "day" ? `${value} (${precision})` : value;
}
