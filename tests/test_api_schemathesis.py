"""The HTTP API keeps to its own OpenAPI schema (schemathesis, a few bounded examples per route)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection
from store_samples import event, make_document

from greatgame.api import create_app
from greatgame.config import Settings
from greatgame.store import Store

# The app opens its database per request, so it can be built before the database exists;
# the fixture below points it at a fresh one. (schemathesis' from_fixture does not work with pytest 9.)
app = create_app(Settings(db=Path("not-yet.duckdb")), catalogue=None)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)
# Keep it fast: explicit examples and a few random (valid and invalid) requests per route; the
# exhaustive "coverage" phase would make hundreds of requests at ~30 ms each.
schema.config.phases.update(phases=["examples", "fuzzing"])


@pytest.fixture(scope="module", autouse=True)
def small_database(tmp_path_factory):
    path = tmp_path_factory.mktemp("st") / "t.duckdb"
    with Store(path) as s:
        s.write_document(make_document(events=[event("CONSULT", "sergey-lavrov", "UZB", context=["military"]),
                                               event("FIGHT", "RUS", "UZB", date="2025-08-01")]))  # fmt: skip
    app.state.settings = Settings(db=path)
    return path


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    # A query string carries no types: "-1.5" is a valid string for `country`, so schemathesis'
    # negative_data_rejection check reports false alarms on string parameters; every other
    # check (no 5xx, documented status codes and content types, response bodies match) runs.
    case.call_and_validate(excluded_checks=[negative_data_rejection])
