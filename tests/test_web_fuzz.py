"""The API fuzz run of issue 12: schemathesis makes requests from /openapi.json, valid
ones and invalid ones, and sends them to the app in-process (no server, no network),
over the seeds and the hostile article, with the token so that posts are analysed.

Every answer must be one the document promises: no 5xx, no status it does not list, no
content type or body that does not match. Whether the app accepts every value its
schema allows is not asked: the filters are free text, read and refused with reasons.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from dossier.web import create_app
from test_web_seeds import web_database, writable_copy

TOKEN = "fuzz-token"
CASES = 20  # per operation and mode: 560 requests over 15 operations and 2 modes
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(analyser, tmp_path_factory):
    directory = tmp_path_factory.mktemp("fuzz")
    db = writable_copy(web_database(analyser, directory), directory)
    app = create_app(db, token=TOKEN, analyser=analyser)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.database.close()


def _fuzz(operation, mode: GenerationMode, sent: list[str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=CASES,
        deadline=None,
        database=None,
        derandomize=True,  # the same requests on every run: CI fails or passes alike
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def send(case) -> None:
        sent.append(operation.label)
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

    send()


def test_every_answer_is_documented_and_none_is_a_server_error(api_schema):
    sent: list[str] = []
    failures: list[str] = []
    nothing_invalid: list[str] = []  # a lone string path parameter: any string is valid
    for result in api_schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _fuzz(operation, mode, sent)
            except Unsatisfiable:
                nothing_invalid.append(operation.label)
            except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001 -- try them all
                # a failed check, or the exception behind a 500 (raised to the client)
                what = f"{operation.label} ({mode.value})"
                failures.append(f"{what} {type(failure).__name__}: {failure}")
    print(f"{len(sent)} requests over {len(set(sent))} operations")
    assert not failures, "\n\n".join(failures)
    assert {"POST /documents", "GET /api/events", "GET /api/search"} <= set(sent)
    assert len(sent) > 300
    assert set(nothing_invalid) <= {"GET /api/events/{event_id}", "GET /api/documents/{doc_id}"}
