// The page state lives in the URL hash so every view is linkable:
//   #/events?type=battles,riots&country=AF&date_from=2019-01-01&offset=25
//   #/documents/<url-encoded id>?sentence=4&event=ev2
//   #/claims?what=people&place=Kabul

/** The filter keys shared by the map, the timeline and the table (sent to /api/events). */
export const EVENT_FILTERS = ["type", "country", "date_from", "date_to", "actor", "modality"];

/** Parse location.hash into {view, id, params} (params: a plain object of strings). */
export function parseHash(hash = window.location.hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query = ""] = splitOnce(raw, "?");
  const parts = path.split("/").filter(Boolean);
  const params = Object.fromEntries(new URLSearchParams(query));
  const view = parts[0] || "events";
  const id = parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : null;
  return { view, id, params };
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

/** Build a hash for a view: hashFor("documents", id, {sentence: 3}). Empty params are dropped. */
export function hashFor(view, id = null, params = {}) {
  const query = queryString(params);
  const path = id === null || id === undefined ? view : `${view}/${encodeURIComponent(id)}`;
  return `#/${path}${query ? `?${query}` : ""}`;
}

/** URL-encoded query of the non-empty values in ``params``. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

/** Only the event filters out of ``params``. */
export function eventFilters(params) {
  const out = {};
  for (const key of EVENT_FILTERS) if (params[key]) out[key] = params[key];
  return out;
}

/**
 * The link to an article, scrolled to a sentence, marking an event or a claim:
 * ``mark`` is {event: id} or {claim: id}, and ``span`` (a trigger or claim span) is carried as
 * ``at=start-end`` so the article can find the mark even when the list's ids differ from the
 * document's own ids ("ev1").
 */
export function articleHash(documentId, sentence, mark = {}, span = null) {
  const at = span && Number.isInteger(span.start) ? `${span.start}-${span.end}` : null;
  return hashFor("documents", documentId, { sentence, ...mark, at });
}

/** Navigate to a new hash (the router re-renders on hashchange). */
export function go(hash) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
