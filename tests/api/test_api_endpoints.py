"""Every read endpoint of the live API, each filter, paging and sorting."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

SCRIPT_TITLE = "Aanslag <script>alert('x')</script> in Kabul"


def _get(client: httpx.Client, path: str, **params) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def _doc(doc_id: str) -> str:
    """The document's URL path: ids may be URLs, so ? and # must be percent-encoded."""
    return "/api/documents/" + quote(doc_id, safe=":/")


def _page_ok(body: dict, limit: int = 50, offset: int = 0) -> list[dict]:
    assert set(body) == {"total", "limit", "offset", "items"}
    assert body["limit"] == limit and body["offset"] == offset
    assert len(body["items"]) <= limit and body["total"] >= len(body["items"])
    return body["items"]


def test_health(client: httpx.Client) -> None:
    body = _get(client, "/api/health")
    assert body["status"] == "ok" and body["version"] == "0.1.0"
    assert body["documents"] == 9 and body["events"] > 0


def test_documents_list_and_paging(client: httpx.Client) -> None:
    items = _page_ok(_get(client, "/api/documents"))
    assert len(items) == 9
    assert set(items[0]) == {"id", "title", "url", "lang", "published", "source", "events", "claims"}
    published = [i["published"] for i in items]
    assert published == sorted(published, reverse=True)
    first = _page_ok(_get(client, "/api/documents", limit=2, offset=0), 2)
    second = _page_ok(_get(client, "/api/documents", limit=2, offset=2), 2, 2)
    assert [i["id"] for i in first + second] == [i["id"] for i in items[:4]]
    assert sum(i["events"] for i in items) == _get(client, "/api/health")["events"]


def test_documents_filters(client: httpx.Client) -> None:
    assert {i["lang"] for i in _get(client, "/api/documents", lang="en")["items"]} == {"en"}
    assert _get(client, "/api/documents", lang="xx")["total"] == 0
    found = _get(client, "/api/documents", q="Kabul")["items"]
    assert found and any("Kab" in (i["title"] or "") for i in found)
    assert _get(client, "/api/documents", q="zzzyyyxxx")["total"] == 0
    assert _get(client, "/api/documents", q="!!! ???")["total"] == 0
    assert _get(client, "/api/documents", q='"unbalanced AND (')["total"] >= 0
    ranged = _get(client, "/api/documents", date_from="2019-09-01", date_to="2019-12-31")["items"]
    assert ranged and all("2019-09-01" <= i["published"] <= "2019-12-31" for i in ranged)
    sources = _get(client, "/api/documents", source="wikinews")["items"]
    assert sources and all("Wikinews" in i["source"] for i in sources)


def test_document_detail_is_the_contract(client: httpx.Client) -> None:
    doc_id = _get(client, "/api/documents", lang="nl", limit=1)["items"][0]["id"]
    body = _get(client, _doc(doc_id))
    assert body["schema"] == "kroniek.document/1" and body["id"] == doc_id
    for key in ("text", "sentences", "entities", "places", "times", "quantities", "events", "claims"):
        assert key in body
    for sentence in body["sentences"]:
        assert body["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_document_with_url_id(client: httpx.Client) -> None:
    url = _get(client, "/api/documents", lang="en", limit=1)["items"][0]["url"]
    assert url.startswith("https://")
    assert _get(client, _doc(url))["url"] == url


def test_unknown_document_is_404(client: httpx.Client) -> None:
    response = client.get("/api/documents/sha256:doesnotexist")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_script_comes_back_as_data(client: httpx.Client) -> None:
    item = next(i for i in _get(client, "/api/documents", limit=100)["items"] if i["title"] == SCRIPT_TITLE)
    raw = client.get(_doc(item["id"]))
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.headers["x-content-type-options"] == "nosniff"
    assert "<script>" in raw.json()["text"]


def test_events_items(client: httpx.Client) -> None:
    items = _page_ok(_get(client, "/api/events"))
    keys = {"id", "event_id", "document_id", "document_title", "published", "type", "subtype", "modality", "date",
            "time_precision", "place", "actors", "targets", "fatalities", "injured", "trigger", "sentence"}
    assert items and set(items[0]) == keys
    for item in items:
        assert item["sentence"]["text"] and item["trigger"]["text"]
        assert item["sentence"]["start"] <= item["trigger"]["start"] < item["sentence"]["end"]
        if item["place"]:
            assert set(item["place"]) == {"name", "country_code", "lat", "lon", "geonames_id", "precision"}


def test_events_filters(client: httpx.Client) -> None:
    every = _get(client, "/api/events", limit=1000)["items"]
    kind = every[0]["type"]
    by_type = _get(client, "/api/events", type=kind, limit=1000)
    assert by_type["total"] == sum(i["type"] == kind for i in every)
    two = [kind, next(i["type"] for i in every if i["type"] != kind)]
    assert _get(client, "/api/events", type=",".join(two))["total"] == _get(client, "/api/events", type=two)["total"]
    subtype = every[0]["subtype"]
    assert all(i["subtype"] == subtype for i in _get(client, "/api/events", subtype=subtype)["items"])
    modality = every[0]["modality"]
    assert all(i["modality"] == modality for i in _get(client, "/api/events", modality=modality)["items"])
    country = next(i["place"]["country_code"] for i in every if i["place"] and i["place"]["country_code"])
    for code in (country, country.lower()):
        got = _get(client, "/api/events", country=code)["items"]
        assert got and all(i["place"]["country_code"] == country for i in got)
    doc = every[0]["document_id"]
    assert all(i["document_id"] == doc for i in _get(client, "/api/events", document_id=doc)["items"])
    actor = next(a for i in every for a in i["actors"])
    got = _get(client, "/api/events", actor=actor)["items"]
    assert got and all(actor in i["actors"] for i in got)


def test_events_bbox(client: httpx.Client) -> None:
    every = _get(client, "/api/events", limit=1000)["items"]
    placed = next(i for i in every if i["place"] and i["place"]["lat"] is not None)
    lat, lon = placed["place"]["lat"], placed["place"]["lon"]
    got = _get(client, "/api/events", bbox=f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}", limit=1000)["items"]
    assert placed["id"] in {i["id"] for i in got}
    assert all(abs(i["place"]["lat"] - lat) <= 1 and abs(i["place"]["lon"] - lon) <= 1 for i in got)
    assert _get(client, "/api/events", bbox="-1,-1,1,1")["total"] == 0
    crossing = _get(client, "/api/events", bbox="170,-90,-170,90", limit=1000)["items"]
    assert all(abs(i["place"]["lon"]) >= 170 for i in crossing)


def test_events_dates_and_sorting(client: httpx.Client) -> None:
    got = _get(client, "/api/events", date_from="2019-09-01", date_to="2019-09-30", limit=1000)["items"]
    assert got
    for item in got:
        day = item["date"] if item["time_precision"] == "day" else None
        assert day is None or "2019-09-01" <= day <= "2019-09-30"
    for sort in ("fatalities", "-fatalities"):
        values = [i["fatalities"]["value"] for i in _get(client, "/api/events", sort=sort, limit=1000)["items"]
                  if i["fatalities"] and i["fatalities"]["value"] is not None]
        assert values == sorted(values, reverse=sort.startswith("-"))
    days = [i["date"] for i in _get(client, "/api/events", sort="date", limit=1000)["items"] if i["time_precision"] == "day"]
    assert days == sorted(days)
    page = [i["id"] for i in _get(client, "/api/events", sort="date", limit=5, offset=5)["items"]]
    assert page == [i["id"] for i in _get(client, "/api/events", sort="date", limit=10)["items"]][5:]


def test_timeline(client: httpx.Client) -> None:
    body = _get(client, "/api/events/timeline")
    assert set(body) == {"weeks", "types"} and body["weeks"]
    weeks = [w["week"] for w in body["weeks"]]
    assert weeks == sorted(weeks)
    from datetime import date

    assert all(date.fromisoformat(w).weekday() == 0 for w in weeks)
    total = sum(sum(w["counts"].values()) for w in body["weeks"])
    assert total <= _get(client, "/api/health")["events"]
    kind = body["types"][0]
    only = _get(client, "/api/events/timeline", type=kind)
    assert only["types"] == [kind]


def test_claims(client: httpx.Client) -> None:
    items = _page_ok(_get(client, "/api/claims"))
    keys = {"id", "document_id", "document_title", "published", "what", "value", "low", "high", "qualifier",
            "source", "hedged", "time", "places", "span", "sentence", "related"}
    assert items and set(items[0]) == keys
    what = items[0]["what"]
    got = _get(client, "/api/claims", what=what.upper())["items"]
    assert got and all(what.lower() in i["what"].lower() for i in got)
    place = next(p for i in items for p in i["places"])
    got = _get(client, "/api/claims", place=place[:3].lower())["items"]
    assert got and all(any(place[:3].lower() in p.lower() for p in i["places"]) for i in got)
    source = next(i["source"] for i in items if i["source"])
    assert all(source.lower() in (i["source"] or "").lower() for i in _get(client, "/api/claims", source=source)["items"])
    doc = items[0]["document_id"]
    assert all(i["document_id"] == doc for i in _get(client, "/api/claims", document_id=doc)["items"])
    dated = _get(client, "/api/claims", date_from="2019-01-01", date_to="2019-12-31")
    assert dated["total"] <= _get(client, "/api/claims")["total"]


def test_claim_series(client: httpx.Client) -> None:
    what = _get(client, "/api/claims")["items"][0]["what"]
    body = _get(client, "/api/claims/series", what=what)
    assert body["what"] == what and body["place"] is None and body["points"]
    dates = [p["date"] for p in body["points"]]
    assert dates == sorted(dates)
    assert set(body["points"][0]) == {"date", "value", "low", "high", "qualifier", "source", "claim_id", "document_id"}


def test_actors(client: httpx.Client) -> None:
    items = _page_ok(_get(client, "/api/actors"))
    assert items and set(items[0]) == {"name", "actor_type", "mentions", "documents", "events"}
    mentions = [i["mentions"] for i in items]
    assert mentions == sorted(mentions, reverse=True)
    name = items[0]["name"]
    assert all(name.lower()[:4] in i["name"].lower() for i in _get(client, "/api/actors", q=name[:4])["items"])
    with_events = next(i for i in items if i["events"])
    assert _get(client, "/api/events", actor=with_events["name"])["total"] == with_events["events"]


def test_places(client: httpx.Client) -> None:
    items = _page_ok(_get(client, "/api/places"))
    assert items and set(items[0]) == {"name", "country_code", "lat", "lon", "geonames_id", "mentions", "events"}
    code = items[0]["country_code"]
    assert all(i["country_code"] == code for i in _get(client, "/api/places", country=code.lower())["items"])
    name = items[0]["name"]
    assert name in [i["name"] for i in _get(client, "/api/places", q=name.lower())["items"]]


def test_openapi_and_no_cdn(client: httpx.Client) -> None:
    spec = _get(client, "/openapi.json")
    assert "/api/events" in spec["paths"] and "post" not in spec["paths"]["/api/documents"]


@pytest.mark.parametrize("path", ["/", "/static/index.html"])
def test_web_page_only_when_installed(client: httpx.Client, path: str) -> None:
    from kroniek.api.app import static_dir

    response = client.get(path)
    if static_dir() is None:
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    else:
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
