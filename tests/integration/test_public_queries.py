"""What a visitor types into the public look-ups never reaches the database unchecked."""

from __future__ import annotations

import pytest

from models import public_queries
from models.store import Store


@pytest.mark.parametrize("typed", ["\x00<script>", "a" * 100_000, "", "[/]", "０" * 64,
                                   "g" * 64, "' OR 1=1 --"])
def test_a_hash_that_is_no_sha256_digest_finds_nothing_without_an_error(
        store: Store, typed: str) -> None:
    assert public_queries.document_by_hash(store, typed) is None


@pytest.mark.parametrize("typed", ["\x00\x00\x00\x00\x00\x00\x00\x00", "x" * 5000, "ABCD%_%_"])
def test_a_receipt_code_that_is_no_code_finds_nothing_without_an_error(
        store: Store, typed: str) -> None:
    assert public_queries.objection_status(store, typed) is None
