// Small DOM helpers. Every piece of data goes in as text (textContent / text nodes), never as HTML.

const SVG_NS = "http" + "://www.w3.org/2000/svg"; // a namespace name, not a resource to load

/**
 * Create an element: el("a", {href: "#/x", className: "c"}, "text", childNode, ...).
 * Attributes are set with setAttribute (or as properties for className/dataset); children that
 * are strings or numbers become text nodes.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Create an SVG element with attributes and children (strings become text nodes). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "className") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

/** Append children (nodes, strings, numbers, arrays of those); null/undefined are skipped. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Remove every child of ``node``. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A safe external link: only http(s) URLs become links, anything else is shown as text. */
export function externalLink(url, label) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank" }, label || url);
    }
  } catch (_error) {
    /* not a URL: fall through */
  }
  return document.createTextNode(label || String(url));
}

/** A short message in the top bar ("12 events", "Error: ..."). */
export function showStatus(message, isError = false) {
  const status = document.getElementById("status");
  if (!status) return;
  status.textContent = message;
  status.classList.toggle("error", isError);
}
