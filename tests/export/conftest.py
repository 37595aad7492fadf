"""Fixtures for the output tests: a small class of three students."""

from __future__ import annotations

import pytest
from model_builders import class_records as build_class_records

from sourcewise.batch.store import Record


@pytest.fixture
def class_records() -> list[Record]:
    """Alice (full marks), Bob (partial, hostile answers), Carol (rejected zip)."""
    return build_class_records()
