"""Bad input gets a 4xx with the one JSON error shape, never a 500; the ingest route and its token."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TOKEN = "test-token-123"  # the token of the live_with_token fixture (conftest.py)

ENDPOINT_PARAMS = {
    "/api/documents": ["q", "lang", "source", "date_from", "date_to", "limit", "offset"],
    "/api/events": ["type", "subtype", "country", "bbox", "date_from", "date_to", "actor", "modality",
                    "document_id", "sort", "limit", "offset", "format"],
    "/api/events/timeline": ["type", "country", "bbox", "date_from", "date_to", "actor"],
    "/api/claims": ["what", "place", "source", "document_id", "date_from", "date_to", "limit", "offset", "format"],
    "/api/claims/series": ["what", "place"],
    "/api/actors": ["q", "limit", "offset"],
    "/api/places": ["q", "country", "limit", "offset"],
}


def assert_error(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["status"] == status and error["message"]
    return error


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/api/events", {"bbox": "1,2,3"}, "bbox"),
        ("/api/events", {"bbox": "a,b,c,d"}, "bbox"),
        ("/api/events", {"bbox": "0,10,1,5"}, "bbox"),
        ("/api/events", {"bbox": "nan,0,1,1"}, "bbox"),
        ("/api/events", {"date_from": "2019-13-01"}, "date_from"),
        ("/api/events", {"date_from": "yesterday"}, "date_from"),
        ("/api/events", {"date_from": "2020-01-02", "date_to": "2020-01-01"}, "date_to"),
        ("/api/events", {"sort": "name"}, "sort"),
        ("/api/events", {"format": "xml"}, "format"),
        ("/api/events", {"country": "Netherlands!"}, "country"),
        ("/api/events", {"limit": "5000"}, "limit"),
        ("/api/claims", {"format": "geojson"}, "format"),
        ("/api/documents", {"date_to": "2019-02-30"}, "date_to"),
    ],
)
def test_bad_parameters(client: httpx.Client, path: str, params: dict, parameter: str) -> None:
    error = assert_error(client.get(path, params=params), 400, "bad_parameter")
    assert parameter in error["message"]


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "1001"}, {"limit": "ten"}, {"offset": "-1"}])
def test_bad_paging(client: httpx.Client, params: dict) -> None:
    error = assert_error(client.get("/api/documents", params=params), 400, "bad_parameter")
    assert list(params)[0] in error["message"]


def test_unknown_route_and_method(client: httpx.Client) -> None:
    assert_error(client.get("/api/nothing/here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_no_ingest_without_token(client: httpx.Client) -> None:
    response = client.post("/api/documents", json={"text": "Bij een aanslag vielen twee doden."})
    assert response.status_code in (404, 405)
    assert response.json()["error"]["code"] in ("not_found", "method_not_allowed")


junk = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(sorted(ENDPOINT_PARAMS)), data=st.data())
def test_junk_never_500(client: httpx.Client, path: str, data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(ENDPOINT_PARAMS[path]), min_size=1, max_size=3, unique=True))
    params = {name: data.draw(junk) for name in names}
    response = client.get(path, params=params)
    assert response.status_code in (200, 400), (params, response.text)
    if response.status_code == 400:
        assert response.json()["error"]["code"] == "bad_parameter"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc_id=junk.filter(lambda s: s.strip("/.") != ""))
def test_junk_document_ids_are_404(client: httpx.Client, doc_id: str) -> None:
    from urllib.parse import quote

    response = client.get("/api/documents/" + quote(doc_id, safe=""))
    assert response.status_code in (404, 400), response.text
    assert response.json()["error"]["code"] in ("not_found", "bad_parameter")


# --- ingest with a token --------------------------------------------------------------------------


def test_ingest_needs_the_right_token(live_with_token) -> None:
    body = {"text": "Bij een aanslag in Kabul zijn drie mensen gedood.", "published": "2021-05-05"}
    url = live_with_token.base + "/api/documents"
    assert_error(httpx.post(url, json=body), 401, "unauthorized")
    assert_error(httpx.post(url, json=body, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    assert_error(httpx.post(url, json=body, headers={"Authorization": TOKEN}), 401, "unauthorized")


def test_ingest_creates_and_lists(live_with_token) -> None:
    base, auth = live_with_token.base, {"Authorization": f"Bearer {TOKEN}"}
    body = {"text": "Bij een bomaanslag in Herat zijn gisteren zeker zeven mensen gedood.",
            "title": "Zeven doden in Herat", "published": "2021-06-07", "lang": "nl", "source": "Test"}
    created = httpx.post(base + "/api/documents", json=body, headers=auth, timeout=60)
    assert created.status_code == 201, created.text
    assert created.json()["status"] == "created"
    listed = httpx.get(base + "/api/documents", params={"limit": 100}).json()["items"]
    assert created.json()["id"] in [i["id"] for i in listed]
    again = httpx.post(base + "/api/documents", json=body, headers=auth, timeout=60)
    assert again.status_code == 201 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize(
    "body",
    [b"not json", b"[]", b'{"title": "no text"}', b'{"text": "   "}', b'{"text": "x", "published": "soon"}',
     b'{"text": "x", "lang": "zz"}', b"\xff\xfe"],
)
def test_ingest_bad_documents(live_with_token, body: bytes) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    response = httpx.post(live_with_token.base + "/api/documents", content=body, headers=headers)
    assert_error(response, 422, "bad_document")


def test_ingest_too_large(live_with_token) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    body = b'{"text": "' + b"a" * 6_000_000 + b'"}'
    response = httpx.post(live_with_token.base + "/api/documents", content=body, headers=headers)
    assert_error(response, 413, "payload_too_large")
