from __future__ import annotations

from pathlib import Path

import pytest

from ecotrack.places.loading import PlacesLoadError, load_bundled, load_csv
from ecotrack.places.models import Jurisdiction, Level

INNER_MONGOLIA_PREFECTURES = {
    "150100",
    "150200",
    "150300",
    "150400",
    "150500",
    "150600",
    "150700",
    "150800",
    "150900",
    "152200",
    "152500",
    "152900",
}


def test_bundled_tree_has_inner_mongolia_and_its_twelve_prefecture_level_units(places):
    region = places["150000"]
    assert region.name_zh == "内蒙古自治区"
    assert region.parent.code == "100000"
    children = set(region.children.values_list("code", flat=True))
    assert children == INNER_MONGOLIA_PREFECTURES
    assert all(places[c].level == Level.PREFECTURE for c in children)


def test_counties_of_tongliao_and_xilingol_are_below_their_city(places):
    assert places["152502"].name_zh == "锡林浩特市"
    assert places["152502"].parent.code == "152500"
    assert places["150502"].parent.code == "150500"
    assert places["150500"].descendants().count() == 8
    assert places["152500"].descendants().count() == 12
    assert places["152502"].is_within(places["150000"])
    assert not places["152502"].is_within(places["150500"])
    assert [a.code for a in places["152502"].ancestors()] == ["100000", "150000", "152500"]


def test_loading_twice_changes_nothing(places):
    before = list(Jurisdiction.objects.order_by("code").values())
    result = load_bundled()
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == len(before)
    assert list(Jurisdiction.objects.order_by("code").values()) == before


def test_csv_adds_places_below_existing_ones(places, tmp_path: Path):
    path = tmp_path / "more.csv"
    path.write_text(
        "code,name_zh,name_en,level,parent_code\n"
        "150102,新城区,Xincheng District,county,150100\n"
        "150103,回民区,Huimin District,county,150100\n",
        encoding="utf-8",
    )
    result = load_csv(path)
    assert result.created == 2
    assert Jurisdiction.objects.get(code="150103").path == "/100000/150000/150100/150103/"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("15010X,新城区,Xincheng,county,150100", "row 3: field 'code'"),
        ("150102,,Xincheng,county,150100", "row 3: field 'name_zh'"),
        ("150102,新城区,Xincheng,district,150100", "row 3: field 'level'"),
        ("150102,新城区,Xincheng,county,159999", "row 3: field 'parent_code'"),
        ("150102,新城区,Xincheng,province,150100", "row 3: field 'level'"),
    ],
)
def test_bad_row_is_named_and_nothing_is_stored(places, tmp_path: Path, row: str, expected: str):
    path = tmp_path / "bad.csv"
    path.write_text(
        "code,name_zh,name_en,level,parent_code\n"
        "150103,回民区,Huimin District,county,150100\n" + row + "\n",
        encoding="utf-8",
    )
    count = Jurisdiction.objects.count()
    with pytest.raises(PlacesLoadError) as excinfo:
        load_csv(path)
    assert str(path) in str(excinfo.value)
    assert expected in str(excinfo.value)
    assert Jurisdiction.objects.count() == count
    assert not Jurisdiction.objects.filter(code="150103").exists()


def test_missing_columns_and_wrong_encoding_are_reported(db, tmp_path: Path):
    no_level = tmp_path / "no-level.csv"
    no_level.write_text("code,name_zh,name_en,parent_code\n", encoding="utf-8")
    with pytest.raises(PlacesLoadError, match="missing column"):
        load_csv(no_level)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(
        "code,name_zh,name_en,level,parent_code\n100000,中国,China,country,\n".encode("gbk")
    )
    with pytest.raises(PlacesLoadError, match="not UTF-8"):
        load_csv(gbk)
    assert Jurisdiction.objects.count() == 0


def test_moving_a_jurisdiction_moves_its_descendants(places):
    county = places["152502"]
    league = places["152500"]
    league.parent = places["100000"]
    league.level = Level.PROVINCE
    league.save()
    county.refresh_from_db()
    assert county.path == "/100000/152500/152502/"
