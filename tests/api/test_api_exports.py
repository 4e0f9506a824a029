"""Exports: CSV with ACLED column names, GeoJSON, JSON Lines; media types; streamed bodies."""

from __future__ import annotations

import csv
import io
import json

import httpx

from kroniek.api.exports import CLAIM_COLUMNS, EVENT_COLUMNS


def _export(client: httpx.Client, path: str, fmt: str, media: str, **params) -> httpx.Response:
    response = client.get(path, params={"format": fmt, **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)
    assert "attachment" in response.headers["content-disposition"]
    return response


def test_events_csv(client: httpx.Client) -> None:
    total = client.get("/api/events").json()["total"]
    rows = list(csv.DictReader(io.StringIO(_export(client, "/api/events", "csv", "text/csv").text)))
    assert len(rows) == total
    assert tuple(rows[0]) == EVENT_COLUMNS
    for row in rows:
        assert row["event_mention_id"] and row["event_type"] and row["document_id"]
        if row["event_date"]:
            assert row["year"] == row["event_date"][:4]
        assert not row["notes"].startswith(("=", "+", "@"))


def test_events_csv_respects_filters_and_limit(client: httpx.Client) -> None:
    kind = client.get("/api/events").json()["items"][0]["type"]
    filtered = client.get("/api/events", params={"type": kind}).json()["total"]
    rows = list(csv.DictReader(io.StringIO(_export(client, "/api/events", "csv", "text/csv", type=kind).text)))
    assert len(rows) == filtered
    limited = list(csv.DictReader(io.StringIO(_export(client, "/api/events", "csv", "text/csv", limit=2).text)))
    assert len(limited) == 2


def test_events_geojson(client: httpx.Client) -> None:
    body = json.loads(_export(client, "/api/events", "geojson", "application/geo+json").text)
    assert body["type"] == "FeatureCollection" and body["features"]
    for feature in body["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert "place" not in feature["properties"] and feature["properties"]["type"]
    located = [i for i in client.get("/api/events", params={"limit": 1000}).json()["items"]
               if i["place"] and i["place"]["lat"] is not None]
    assert len(body["features"]) == len(located)


def test_events_jsonl(client: httpx.Client) -> None:
    lines = _export(client, "/api/events", "jsonl", "application/x-ndjson").text.splitlines()
    items = [json.loads(line) for line in lines]
    assert items == client.get("/api/events", params={"limit": 1000}).json()["items"]


def test_claims_exports(client: httpx.Client) -> None:
    total = client.get("/api/claims").json()["total"]
    rows = list(csv.DictReader(io.StringIO(_export(client, "/api/claims", "csv", "text/csv").text)))
    assert len(rows) == total and tuple(rows[0]) == CLAIM_COLUMNS
    lines = _export(client, "/api/claims", "jsonl", "application/x-ndjson").text.splitlines()
    assert len(lines) == total and json.loads(lines[0])["what"]


def test_script_is_escaped_in_json_exports(client: httpx.Client) -> None:
    text = _export(client, "/api/events", "jsonl", "application/x-ndjson").text
    for line in text.splitlines():
        json.loads(line)  # every line parses: the article's <script> is only a string inside
