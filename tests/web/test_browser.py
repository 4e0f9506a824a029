"""The web page in a real browser (headless Chromium via Playwright) against a live `kroniek serve`.

Skipped when /usr/bin/chromium or the playwright package is missing. Screenshots go to
test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.slow


def open_events(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/#/events{query}")
    page.wait_for_selector(".event-table tbody tr[data-event-id]")
    page.wait_for_function("window.kroniekMap && window.kroniekMap.cluster.getLayers().length > 0")


def markers_on_map(page) -> int:
    return page.evaluate("window.kroniekMap.cluster.getLayers().length")


def with_coordinates(items: list[dict]) -> int:
    return sum(1 for item in items if item["place"] and item["place"]["lat"] is not None)


def test_map_shows_clusters_on_the_offline_basemap(page, server: str, api, shoot) -> None:
    open_events(page, server)
    page.wait_for_selector(".marker-cluster, .ev-marker")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the Natural Earth countries
    assert page.locator(".map-legend").inner_text().count("\n") >= 5
    assert page.locator(".timeline svg rect").count() > 0
    expected = api("/api/events?limit=1000")
    assert markers_on_map(page) == with_coordinates(expected["items"])
    assert f"of {expected['total']} events" in page.locator(".event-table .summary").inner_text()
    shoot(page, "events-map", full_page=True)
    assert all(url.startswith(server) or url.startswith("data:") for url in page.kroniek_requests)
    assert not page.kroniek_errors


def test_type_filter_drives_table_and_map(page, server: str, api, shoot) -> None:
    open_events(page, server)
    before = markers_on_map(page)
    page.locator('input[name="type"][value="battles"]').check()
    page.wait_for_url(re.compile(r"type=battles"))
    page.wait_for_function(
        "[...document.querySelectorAll('.event-table tbody tr[data-type]')].every(r => r.dataset.type === 'battles')"
    )
    expected = api("/api/events?type=battles&limit=1000")
    page.wait_for_function(f"window.kroniekMap.cluster.getLayers().length === {with_coordinates(expected['items'])}")
    assert markers_on_map(page) < before
    assert f"of {expected['total']} events" in page.locator(".event-table .summary").inner_text()
    shoot(page, "events-filtered-battles")
    page.reload()  # the filter lives in the hash: a reload (or a shared link) shows the same view
    page.wait_for_selector(".event-table tbody tr[data-event-id]")
    assert page.locator('input[name="type"][value="battles"]').is_checked()


CENTRE_ON_A_MARKER = """() => {
  const shown = window.kroniekMap.cluster.getLayers().find((l) => l.getElement() && document.body.contains(l.getElement()));
  window.kroniekMap.map.setView(shown.getLatLng(), window.kroniekMap.map.getZoom(), { animate: false });
}"""


def _click_first_clickable(page, selector: str) -> bool:
    """Click the first element matching ``selector`` that no map control covers."""
    items = page.locator(selector)
    for index in range(items.count()):
        try:
            items.nth(index).click(trial=True, timeout=1000)
        except Exception:  # covered (legend, attribution) or gone: try the next one
            continue
        items.nth(index).click()
        return True
    return False


SHOW_A_MARKER = """() => new Promise((done) => {
  const layers = window.kroniekMap.cluster.getLayers();
  if (!layers.length) { done(false); return; }
  setTimeout(() => done(true), 4000);  // the callback does not come when the marker already shows
  window.kroniekMap.cluster.zoomToShowLayer(layers[0], () => done(true));
})"""


def _reveal_a_marker(page) -> None:
    """Let the cluster layer zoom (or spiderfy) until one event's own marker shows."""
    page.wait_for_function("() => window.kroniekMap && window.kroniekMap.cluster.getLayers().length > 0")
    assert page.evaluate(SHOW_A_MARKER), "no event marker on the map"
    page.locator(".ev-marker").first.wait_for()


def test_marker_popup_leads_to_the_highlighted_sentence(page, server: str, shoot) -> None:
    open_events(page, server, "?country=AF")
    _reveal_a_marker(page)
    page.evaluate(CENTRE_ON_A_MARKER)  # so that no map control (legend, attribution) covers it
    page.wait_for_timeout(300)
    assert _click_first_clickable(page, ".ev-marker"), "every marker is covered"
    popup = page.locator(".leaflet-popup-content .ev-popup")
    popup.wait_for()
    text = popup.inner_text()
    assert "Date" in text and "Place" in text and ", AF" in text
    shoot(page, "event-popup")
    popup.locator("a.ev-popup-link").click()
    page.wait_for_url(re.compile(r"#/documents/.+sentence=\d+"))
    chosen = page.locator(".article-text .sentence-current")
    chosen.wait_for()
    assert chosen.locator(".hl-event.hl-current").count() == 1  # the event's trigger is marked too
    assert chosen.is_visible() and _in_viewport(page, chosen)
    shoot(page, "article-from-popup")
    assert not page.kroniek_errors


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def test_table_row_opens_article_with_normalised_values_on_hover(page, server: str, shoot) -> None:
    open_events(page, server)
    link = page.locator(".event-table tbody tr[data-event-id] a.article-link").first
    link.click()
    page.locator(".article-text .sentence-current").wait_for()
    place = page.locator(".article-text .hl-place").first
    assert re.search(r"Place: .+\(-?\d+(\.\d+)?, -?\d+(\.\d+)?\)", place.get_attribute("title"))
    assert page.locator(".article-text .hl-time").first.get_attribute("title").startswith("Time: ")
    assert page.locator(".article-text .hl-quantity").first.get_attribute("title").startswith("Quantity: ")
    assert page.locator(".article-text .hl-event").first.get_attribute("title").startswith("Event: ")
    assert page.locator(".article-text .hl-entity").count() > 0
    assert page.locator(".legend .legend-item").count() >= 6
    shoot(page, "article-view")


def test_script_in_an_article_shows_as_text(page, server: str, api, shoot, hostile_article) -> None:
    documents = api("/api/documents?limit=1000")["items"]
    hostile = next(d for d in documents if d["title"] == hostile_article["title"])
    page.goto(f"{server}/#/documents/{quote(hostile['id'], safe='')}?sentence=0")
    text = page.locator(".article-text")
    text.wait_for()
    page.wait_for_timeout(500)
    assert "<script>alert(1)</script>" in text.inner_text()
    assert "<img src=x onerror=alert(2)>" in text.inner_text()
    assert page.locator("h1").inner_text() == hostile_article["title"]
    assert page.locator("#app script, #app img").count() == 0
    assert page.kroniek_dialogs == []
    shoot(page, "article-with-script-as-text")


def test_claim_view_draws_the_series(page, server: str, api, shoot) -> None:
    series = api("/api/claims/series?what=mensen")
    page.goto(f"{server}/#/claims?what=mensen")
    page.locator(".claim-chart circle").first.wait_for()
    dated = [p for p in series["points"] if p["date"]]
    assert page.locator(".claim-chart circle").count() == len(dated)
    assert page.locator(".claim-list tbody tr").count() >= len(dated)
    shoot(page, "claims-chart", full_page=True)
    page.locator(".claim-chart .point circle").first.click()
    page.wait_for_url(re.compile(r"#/documents/.+claim="))
    page.locator(".article-text .hl-claim.hl-current").wait_for()
    assert not page.kroniek_errors
