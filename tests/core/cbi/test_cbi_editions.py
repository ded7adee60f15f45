"""The edition files: valid against their schema, the published sums, and honest provenance."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from ecotrack.core.cbi import (
    EDITIONS,
    Edition,
    EditionError,
    edition_data,
    edition_from_dict,
    edition_schema,
)


@pytest.mark.parametrize("edition", EDITIONS)
def test_edition_file_is_valid_against_the_json_schema(edition: str) -> None:
    jsonschema.Draft202012Validator.check_schema(edition_schema())
    errors = list(
        jsonschema.Draft202012Validator(edition_schema()).iter_errors(edition_data(edition))
    )
    assert errors == []


def test_2021_has_28_indicators_of_4_points_112_in_all(ed2021: Edition) -> None:
    assert len(ed2021.indicators) == 28
    assert all(i.max_points == 4 for i in ed2021.indicators)
    assert ed2021.max_points == 112 == 28 * 4


def test_2021_component_maxima_are_36_20_56(ed2021: Edition) -> None:
    # As printed in the CitiesWithNature profile export ("x of 36 / 20 / 56 points").
    assert [(c.key, c.max_points) for c in ed2021.components] == [
        ("native_biodiversity", 36),
        ("ecosystem_services", 20),
        ("governance", 56),
    ]
    assert sum(c.max_points for c in ed2021.components) == 112


def test_2021_indicators_1_to_9_are_native_biodiversity_10_to_14_services(ed2021: Edition) -> None:
    by_component = {
        c.key: [ed2021.indicator(k).number for k in c.indicator_keys] for c in ed2021.components
    }
    assert by_component == {
        "native_biodiversity": list(range(1, 10)),
        "ecosystem_services": list(range(10, 15)),
        "governance": list(range(15, 29)),
    }


def test_2014_has_23_indicators_92_points_split_40_16_36(ed2014: Edition) -> None:
    assert len(ed2014.indicators) == 23
    assert ed2014.max_points == 92 == 23 * 4
    assert [(c.key, c.max_points, len(c.indicator_keys)) for c in ed2014.components] == [
        ("native_biodiversity", 40, 10),
        ("ecosystem_services", 16, 4),
        ("governance", 36, 9),
    ]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_indicator_and_band_carries_provenance_with_a_source(edition: str) -> None:
    data = edition_data(edition)
    for indicator in data["indicators"]:
        for prov in [
            indicator["provenance"],
            indicator["name_provenance"],
            *(b["provenance"] for b in indicator["bands"]),
        ]:
            assert prov["status"] in {"verified", "secondary", "provisional"}
            assert len(prov["source"]) > 20


def test_2021_nothing_is_marked_verified_at_indicator_level(ed2021: Edition) -> None:
    # The Handbook itself was not reachable: at best WRI's transcription (secondary).
    statuses = {i.provenance.status for i in ed2021.indicators} | {
        b.provenance.status for i in ed2021.indicators for b in i.bands
    }
    assert "verified" not in statuses


def test_2021_sourced_bands_are_secondary_and_recalled_ones_provisional(ed2021: Edition) -> None:
    secondary = {1, 2, 3, 7, 8, 10, 11, 12, 13}  # WRI code/legends [S]
    for indicator in ed2021.indicators:
        statuses = {b.provenance.status for b in indicator.bands}
        expected = "secondary" if indicator.number in secondary else "provisional"
        assert statuses == {expected}, indicator.key


def test_2021_indicators_14_to_28_are_provisional_in_name_definition_and_bands(
    ed2021: Edition,
) -> None:
    for indicator in ed2021.indicators[13:]:
        assert indicator.provenance.status == "provisional"
        assert indicator.name_provenance.status == "provisional"
        assert indicator.bands_provisional


def test_2014_bands_are_all_provisional_but_formulas_1_to_16_verified(ed2014: Edition) -> None:
    assert all(i.bands_provisional for i in ed2014.indicators)
    assert [i.number for i in ed2014.indicators if i.provenance.status == "verified"] == list(
        range(1, 17)
    )
    assert all(i.name_provenance.status == "verified" for i in ed2014.indicators)


def _broken(edition: str) -> dict[str, Any]:
    return copy.deepcopy(edition_data(edition))


def test_loader_rejects_a_gap_between_bands() -> None:
    data = _broken("2021")
    # Indicator 1, band "1.0%–6.9%": move its upper edge from 7.0 (exclusive) to 6.9.
    data["indicators"][0]["bands"][1]["upper"] = {"value": "6.9", "inclusive": True}
    with pytest.raises(EditionError, match="gap or overlap"):
        edition_from_dict(data)


def test_loader_rejects_overlapping_bands() -> None:
    data = _broken("2021")
    data["indicators"][0]["bands"][1]["upper"] = {"value": "7.0", "inclusive": True}
    with pytest.raises(EditionError, match="gap or overlap"):
        edition_from_dict(data)


def test_loader_rejects_points_that_run_the_wrong_way_for_a_reverse_indicator() -> None:
    data = _broken("2021")
    invasive = data["indicators"][8]
    assert invasive["key"] == "invasive_species"
    invasive["direction"] = "higher_is_better"
    with pytest.raises(EditionError, match="points must rise"):
        edition_from_dict(data)


def test_loader_rejects_component_sums_that_do_not_add_up() -> None:
    data = _broken("2021")
    data["components"][0]["max_points"] = 40
    with pytest.raises(EditionError, match="native_biodiversity: max_points 40"):
        edition_from_dict(data)


def test_loader_rejects_a_method_that_names_a_missing_field() -> None:
    data = _broken("2014")
    data["indicators"][0]["method"]["alternatives"][0]["whole"] = "town_area_ha"
    with pytest.raises(EditionError, match="unknown field 'town_area_ha'"):
        edition_from_dict(data)


def test_loader_rejects_schema_violations() -> None:
    data = _broken("2014")
    data["indicators"][0]["bands"][0]["provenance"]["status"] = "probably"
    with pytest.raises(EditionError, match="probably"):
        edition_from_dict(data)
