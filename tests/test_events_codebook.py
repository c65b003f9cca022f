"""The CAMEO codebook: values checked by hand against the CAMEO/GDELT/PLOVER tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import KnowledgeError
from dossier.knowledge.codebook import COLUMNS, default_codebook, load_codebook


def test_every_cameo_root_is_present() -> None:
    assert default_codebook().roots() == {f"{n:02d}" for n in range(1, 21)}


def test_consult_visit_and_host_codes() -> None:
    book = default_codebook()
    visit, host = book.get("042"), book.get("043")
    assert visit.name == "Make a visit" and visit.goldstein == 1.9
    assert host.name == "Host a visit" and host.plover_type == "CONSULT"
    assert visit.plover_mode == "visit"


def test_quad_class_is_the_conventional_scheme_with_gdelt_kept_apart() -> None:
    book = default_codebook()
    reject = book.get("120")  # REJECT: verbal conflict in both schemes
    investigate = book.get("090")  # INVESTIGATE: 3 conventionally, 2 in GDELT
    fight = book.get("190")
    assert (reject.quad_class, reject.quad_class_gdelt) == (3, 3)
    assert (investigate.quad_class, investigate.quad_class_gdelt) == (3, 2)
    assert (fight.quad_class, fight.goldstein) == (4, -10.0)


def test_codes_plover_drops_have_no_plover_type() -> None:
    assert default_codebook().get("020").plover_type is None  # APPEAL: dropped by PLOVER
    assert default_codebook().get("010").plover_type is None


def test_code_missing_from_gdelt_takes_a_value_and_unknown_subcode_falls_back() -> None:
    book = default_codebook()
    assert book.get("1213").goldstein == -4.0  # ICEWS value
    assert book.get("0429").code == "042"


def test_yield_splits_into_concede_and_retreat() -> None:
    book = default_codebook()
    assert book.get("081").plover_type == "CONCEDE"
    assert book.get("0872").plover_type == "RETREAT"


def test_bad_row_is_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "book.tsv"
    header = "\t".join(COLUMNS)
    path.write_text(f"# comment\n{header}\n040\tConsult\tlots\t1\t1\tCONSULT\t\t\n")
    with pytest.raises(KnowledgeError) as error:
        load_codebook(path)
    assert error.value.line == 3 and "goldstein" in error.value.problem
