// Calls to Kroniek's HTTP API (same origin). Errors come back as {"error": {code, message, status}}.
import { queryString } from "./route.js";

/** An API error with the server's code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET /api/<path>?<params> as JSON; throws ApiError on a non-2xx answer. */
export async function getJson(path, params = {}) {
  const query = queryString(params);
  const response = await fetch(`/api/${path}${query ? `?${query}` : ""}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || "internal", error.message || response.statusText);
  }
  return body;
}

/** Every item of a paged list endpoint, page by page (at most ``cap`` items). */
export async function getAll(path, params = {}, cap = 10000) {
  const items = [];
  let total = Infinity;
  while (items.length < Math.min(total, cap)) {
    const page = await getJson(path, { ...params, limit: 1000, offset: items.length });
    total = page.total;
    items.push(...page.items);
    if (page.items.length === 0) break;
  }
  return { total, items };
}

/** A download link for an export of the current events filter (csv, geojson, jsonl). */
export function exportUrl(format, filters) {
  return `/api/events?${queryString({ ...filters, format })}`;
}
