"""The paper a committee's documents are laid out on: stored with the committee, A4 for
every committee of a database made before it could be chosen (migration 0017)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from minutebook.domain import Committee
from minutebook.domain.committee import PaperSize
from minutebook.store import Store
from minutebook.store.migrations import migrations


def test_a_committee_of_an_older_database_is_laid_out_on_a4(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="0017_paper_size")
    db.execute(
        "INSERT INTO committees (code, name, house_style, numbering_template, "
        "numbering_prefix, numbering_reset, rag_palette) VALUES ('HCP', 'Health and Care', "
        "'council', '{prefix}{seq}', 'HCP', 'never', 'council')"
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:
        assert store.committee("HCP").paper_size is PaperSize.A4


def test_a_committee_on_letter_keeps_it(store: Store) -> None:
    store.add_committee(Committee(code="US", name="Twinned Town", paper_size=PaperSize.LETTER))
    assert store.committee("US").paper_size is PaperSize.LETTER
    store.update_committee(store.committee("US").model_copy(update={"paper_size": "a4"}))
    assert store.committee("US").paper_size is PaperSize.A4
