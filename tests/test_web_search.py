"""The global search (`/search`, `/api/search`), in-process on the web tests' database
(see test_web_seeds.py).

Read off the seeds by hand: "Mamedov" stands in exactly three sentences, two of the
June seed ("This was made clear on June 10, when Moscow announced that Deputy Foreign
Minister Georgy Mamedov ... had met ..." and "The statement also said that Mamedov and
Pak had discussed ...") and one of August ("Yesterday, Sherman and her delegation met
with Georgy Mamedov, ..."). Only the hostile article's first sentence ("President
Vladimir Putin met North Korean leader Kim Jong-il in Pyongyang on Wednesday.") holds
Putin, Pyongyang and Wednesday together; its second sentence is a `<script>` tag."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app
from test_web_api import TOKEN
from test_web_seeds import HOSTILE_SCRIPT, web_database, writable_copy
from test_web_views_filters import _meeting

MAMEDOV_SENTENCES = (
    "This was made clear on June 10, when Moscow announced that Deputy Foreign Minister",
    "The statement also said that Mamedov and Pak had discussed",
    "Yesterday, Sherman and her delegation met with Georgy Mamedov",
)


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def found(client: TestClient, q: str, **params: str) -> dict:
    response = client.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()


def sentence_links(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'<a class="hit sentence-hit" href="([^"]+)"', page)]


def test_a_word_finds_exactly_the_sentences_that_hold_it(client):
    body = found(client, "Mamedov")
    hits = body["sentences"]["hits"]
    assert body["sentences"]["total"] == len(hits) == 3
    for start in MAMEDOV_SENTENCES:
        assert sum(h["text"].startswith(start) for h in hits) == 1, start
    for hit in hits:
        (span,) = [hit["text"][s:e] for s, e in hit["matched"]]
        assert span == "Mamedov"
    # the actor too, linked to its page
    (actor,) = body["actors"]["hits"]
    assert actor["name"] == "Georgy Mamedov" and actor["href"] == "/actors/Georgy%20Mamedov"
    assert client.get(actor["href"]).status_code == 200


def test_a_sentence_hit_carries_its_events_and_lands_on_the_sentence(client):
    meeting = _meeting(client)
    hits = found(client, "Mamedov")["sentences"]["hits"]
    (june,) = [h for h in hits if h["text"].startswith(MAMEDOV_SENTENCES[0])]
    assert meeting["event_id"] in [e["event_id"] for e in june["events"]]
    assert june["href"] == f"/documents/{meeting['doc_id']}#sentence-{june['idx']}"
    page = client.get("/search", params={"q": "Mamedov"}).text
    assert june["href"] in sentence_links(page)
    assert f'href="/events/{meeting["event_id"]}"' in page  # the event, a link under its hit
    path, _, anchor = june["href"].partition("#")
    document = client.get(path).text
    opening = document.index(f'<span class="sentence" id="{anchor}">')
    sentence = unescape(
        re.sub(r"<[^>]+>", "", document[opening : document.index("</span>", opening)])
    )
    assert sentence.startswith(MAMEDOV_SENTENCES[0]) and "Mamedov" in sentence


def test_the_sentence_with_every_word_ranks_first(client):
    hits = found(client, "Putin Pyongyang Wednesday")["sentences"]["hits"]
    assert hits[0]["text"].startswith("President Vladimir Putin met North Korean leader Kim")
    words = [{h["text"][s:e].lower() for s, e in h["matched"]} for h in hits]
    assert words[0] == {"putin", "pyongyang", "wednesday"}
    assert all(len(w) < 3 for w in words[1:])  # no other sentence holds all three
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[1]


def test_stems_phrases_and_exclusions(client):
    stemmed = found(client, "missiles")["sentences"]["hits"]
    spans = {h["text"][s:e].lower() for h in stemmed for s, e in h["matched"]}
    assert {"missile", "missiles"} <= spans  # one stem, both forms marked
    phrase = found(client, '"missile deal"', limit="500")["sentences"]["hits"]
    words = found(client, "missile deal", limit="500")["sentences"]["hits"]
    assert phrase and len(phrase) < len(words)
    assert all("missile deal" in h["text"].lower() for h in phrase)
    without = found(client, "Kim -Putin", limit="500")["sentences"]["hits"]
    assert without and not any("putin" in h["text"].lower() for h in without)
    assert all("kim" in h["text"].lower() for h in without)


def test_actors_by_code_and_documents_by_title(client):
    actors = found(client, "PRK")["actors"]["hits"]
    assert "North Korea" in [a["name"] for a in actors]
    assert all(a["country"] == "PRK" or "PRK" in (a["cameo"] or "") for a in actors)
    documents = found(client, "Korean security")["documents"]["hits"]
    assert documents[0]["title"] == "RUSSIAN-U.S. TALKS ON KOREAN SECURITY"
    page = client.get("/search", params={"q": "Korean security"}).text
    link = re.search(r'<a class="hit document-hit" href="([^"]+)">(.*?)</a>', page)
    assert link.group(2) == (
        'RUSSIAN-U.S. TALKS ON <mark class="match" title="">KOREAN</mark>'
        ' <mark class="match" title="">SECURITY</mark>'
    )
    assert client.get(unescape(link.group(1))).status_code == 200


def test_matched_words_are_marked_and_the_text_stays_escaped(client):
    page = client.get("/search", params={"q": "pwned"}).text
    assert "<script" not in page and "<img" not in page
    assert (
        '&lt;script&gt;window.__<mark class="match" title="">pwned</mark>=1&lt;/script&gt;' in page
    )
    assert 'Summit &lt;script&gt;window.__<mark class="match" title="">pwned</mark>=3' in page
    hits = found(client, "pwned")["sentences"]["hits"]
    assert HOSTILE_SCRIPT in [h["text"] for h in hits]
    typed = client.get("/search", params={"q": "<b>Putin</b>"}).text
    assert "<b>" not in typed and "&lt;b&gt;Putin&lt;/b&gt;" in typed  # the box and the title


def test_no_results_says_so(client):
    body = found(client, "zzyzx")
    assert [body[k]["total"] for k in ("sentences", "actors", "documents")] == [0, 0, 0]
    page = client.get("/search", params={"q": "zzyzx"})
    assert page.status_code == 200
    assert "No sentence, actor or document matches “zzyzx”." in page.text
    assert 'class="hit' not in page.text
    empty = client.get("/search").text
    assert 'id="no-query"' in empty and 'class="hit' not in empty
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_the_page_and_the_api_show_the_same_hits_and_page_alike(client):
    body = found(client, "Putin", limit="5")
    total = body["sentences"]["total"]
    assert total > 10 and body["next"] is not None
    page = client.get("/search", params={"q": "Putin", "limit": "5"}).text
    hrefs = [h["href"] for h in body["sentences"]["hits"]]
    assert sentence_links(page) == hrefs
    second = found(client, "Putin", limit="5", page="2")["sentences"]["hits"]
    assert not {h["href"] for h in second} & set(hrefs)
    assert f"{total} sentences, showing 1–5" in page


def test_a_page_far_past_the_last_hit_is_empty(client):
    """Issue 12 (found by tests/test_web_fuzz.py): tantivy made room for offset + limit
    hits, and ?page=10000000&limit=500 aborted the whole server asking for 35 GB."""
    body = found(client, "Putin", limit="500", page="10000000")
    assert body["sentences"]["hits"] == [] and body["sentences"]["total"] > 10
    page = client.get("/search", params={"q": "Putin", "limit": "500", "page": "10000000"})
    assert page.status_code == 200 and sentence_links(page.text) == []


def test_the_next_link_does_not_echo_the_host_header(client):
    response = client.get(
        "/api/search", params={"q": "Putin", "limit": "5"}, headers={"Host": "evil.example"}
    )
    assert response.json()["next"].startswith("/api/search?")


def test_every_page_has_the_search_box(client):
    meeting = _meeting(client)
    for url in ("/events", "/actors", "/documents", f"/events/{meeting['event_id']}", "/map"):
        html = client.get(url).text
        box = re.search(
            r'<form class="search" method="get" action="/search"[^>]*>(.*?)</form>', html
        )
        assert box and 'name="q"' in box.group(1), url
    kept = client.get("/search", params={"q": "Mamedov"}).text
    assert re.search(r'<form class="search".*?name="q" value="Mamedov"', kept)


def test_the_index_follows_the_database(analyser, tmp_path_factory):
    db = writable_copy(
        web_database(analyser, tmp_path_factory.mktemp("web")), tmp_path_factory.mktemp("w")
    )
    with TestClient(create_app(db, token=TOKEN, analyser=analyser)) as client:
        assert found(client, "Zemin")["sentences"]["total"] == 0
        posted = client.post(
            "/documents",
            json={
                "text": "Vladimir Putin met Jiang Zemin in Beijing on Tuesday.",
                "title": "Zemin",
            },
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert posted.status_code == 201
        body = found(client, "Zemin")
        (hit,) = body["sentences"]["hits"]
        assert hit["doc_id"] == posted.json()["doc_id"] and hit["events"]
        assert [d["title"] for d in body["documents"]["hits"]] == ["Zemin"]
        assert "Jiang Zemin" in [a["name"] for a in body["actors"]["hits"]]
        assert found(client, "Mamedov")["sentences"]["total"] == 3  # the rest kept
