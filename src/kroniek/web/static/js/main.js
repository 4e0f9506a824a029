// Kroniek's single-page app: a tiny hash router over three views (events, article, claims).
import { ArticleView } from "./article.js";
import { ClaimsView } from "./claims.js";
import { clear, showStatus } from "./dom.js";
import { EventsView } from "./events.js";
import { parseHash } from "./route.js";

const VIEWS = { events: EventsView, documents: ArticleView, claims: ClaimsView };

let current = null; // {name, view}

/** Show the view named by the hash, reusing the current one when only its parameters changed. */
async function route() {
  const { view: name, id, params } = parseHash();
  const View = VIEWS[name] || EventsView;
  const key = VIEWS[name] ? name : "events";
  markNav(key);
  if (!current || current.name !== key) {
    if (current && current.view.destroy) current.view.destroy();
    const root = clear(document.getElementById("app"));
    current = { name: key, view: new View(root) };
  }
  try {
    await current.view.update(id, params);
  } catch (error) {
    showStatus(`Error: ${error.message}`, true);
    throw error;
  }
}

function markNav(key) {
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", link.dataset.nav === key);
  }
}

window.addEventListener("hashchange", () => route());
route(); // module scripts run once the document is parsed
