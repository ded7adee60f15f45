"""The Tongliao report, parsed, against what the report says (values read from the report text
ecotrack/demo/reference/documents/cwn-profile-tongliao.txt by a person; line numbers cited)."""

from __future__ import annotations

import json

from ecotrack.core.cwn import ParsedProfileReport

# (action area, commitment, number of actions) in the order the report prints them
# (lines 104-323).
COMMITMENTS_AS_PRINTED = [
    ("Protect and restore nature", "Protect, connect and restore ecosystems", 3),
    ("Protect and restore nature", "Conserve and restore fauna and flora", 2),
    ("Protect and restore nature", "Manage invasive alien species", 1),
    ("Protect and restore nature", "Control Pollution", 3),
    ("Protect and restore nature", "Climate change adaptation and mitigation", 1),
    ("Use nature sustainably", "Equitable benefits through sustainable use of wild species", 0),
    ("Use nature sustainably", "Biodiversity in urban agriculture, aquaculture and forestry", 0),
    ("Use nature sustainably", "Promote people’s access to green and blue spaces", 0),
    ("Develop tools and solutions", "Mainstreaming biodiversity values", 1),
    ("Develop tools and solutions", "Sustainable production and consumption", 0),
    ("Develop tools and solutions", "Use relevant knowledge, including traditional knowledge, "
                                    "for effective biodiversity management", 2),
    ("Develop tools and solutions", "Equitable and effective participation of indigenous "
                                    "peoples and local communities in biodiversity-related "
                                    "decision-making", 0),
    ("Develop tools and solutions", "Mobilize resources for biodiversity actions", 0),
]

# First words of each action's description, in report order (lines 115, 122, 130, 153, 165,
# 177, 189, 196, 209, 229, 272, 289, 300).
DESCRIPTION_STARTS = [
    ("Increase protected areas", "通辽市各级各类自然保护地严格按照功能区"),
    ("Increase connectivity between natural areas", "通辽市通过科学合理优化生态空间布局"),
    ("Integrate ecosystem protection considerations across policies, plans and programmes.",
     "一是严格落实基本草原保护"),
    ("Maintain or increase the diversity of native species", "通辽市将加强生态保护力度"),
    ("Restore habitat for threatened and locally valued species", "不断强化罕山、大青沟"),
    ("Control or eradicate invasive alien species and prevent their introduction",
     "积极开展外来物种入侵防控"),
    ("Reduce water pollution by biocides and excess nutrients from domestic and industrial "
     "sources to protect ecosystems and people’s health.", "加强绿色防控推广力度"),
    ("Reduce plastic consumption and the amount of plastic waste generated and discarded",
     "巩固垃圾分类和资源化利用试点成果"),
    ("Reduce other types of pollution, such as solid waste, air pollution, noise pollution and "
     "light pollution", "通辽市推进项目建设，提高资源利用效率"),
    ("Increase the carbon sequestration potential of urban nature", "固碳功能作为通辽市"),
    ("Integrate ecosystem and biodiversity values into local policies, strategies, "
     "environmental assessments, planning and development processes, poverty eradication "
     "strategies and accounts", "通辽市为应对气候变化对相关生物多样性产生影响"),
    ("Promote inclusive monitoring, evaluation and learning", "为更好地推动生物多样性保护工作"),
    ("Promote the value of nature through awareness and education campaigns",
     "通辽市每年为每百万居民举行的宣传或公众意识活动"),
]


def test_profile_overview(tongliao: ParsedProfileReport) -> None:
    profile = tongliao.profile
    assert profile.population == 2807000  # line 21
    assert profile.country == "China"  # line 24
    assert profile.region == "Asia & Oceania"  # line 27
    assert profile.head_of_government == "Dalentai Qi, Mayor of Tongliao City"  # line 30
    assert profile.city_name == "Tongliao City"  # lines 380, 405
    assert profile.achievements == ()  # "Achievements" heading, nothing under it (line 9)


def test_about_text_is_whole_and_chinese(tongliao: ParsedProfileReport) -> None:
    about = tongliao.profile.about
    assert about is not None and about.language == "zh" and about.line == 12
    assert about.text.startswith("通辽市位于内蒙古自治区东部")  # line 12
    assert about.text.endswith("全年地区生产总值完成1561.8亿元。")  # line 18
    # Line 12 ends "东经" and line 13 starts "119°14′": wrapped lines join without a space.
    assert "东经119°14′-123°43′" in about.text


def test_number_of_actions_matches_the_engagement_statistic(tongliao: ParsedProfileReport) -> None:
    stats = {s.label: s.value for s in tongliao.profile.statistics}
    assert stats == {"Actions made on the Action Platform": 13}  # lines 33-34
    assert len(tongliao.actions) == 13


def test_commitments_made(tongliao: ParsedProfileReport) -> None:
    printed = [(c.area_title, c.title, len(c.actions)) for c in tongliao.commitments]
    assert printed == COMMITMENTS_AS_PRINTED
    assert all(c.key and c.area_key for c in tongliao.commitments)
    assert all(a.key for a in tongliao.actions)


def test_action_descriptions(tongliao: ParsedProfileReport) -> None:
    got = [(a.title, a.description.text if a.description else "") for a in tongliao.actions]
    assert [title for title, _ in got] == [title for title, _ in DESCRIPTION_STARTS]
    for (_, text), (title, start) in zip(got, DESCRIPTION_STARTS, strict=True):
        assert text.startswith(start), title
    assert all(a.description and a.description.language == "zh" for a in tongliao.actions)


def test_descriptions_run_across_page_breaks(tongliao: ParsedProfileReport) -> None:
    texts = {a.title: a.description.text for a in tongliao.actions if a.description}
    # Lines 154/158: "...生态气候" [page break] "监测体系..."
    assert "生态气候监测体系" in texts["Maintain or increase the diversity of native species"]
    # Lines 211/215: "...一般工业固体废" [page break] "物综合利用率..."
    other = texts["Reduce other types of pollution, such as solid waste, air pollution, noise "
                  "pollution and light pollution"]
    assert "一般工业固体废物综合利用率" in other
    assert other.endswith("提高城市的整体生活质量。")  # line 220
    # No template text leaks into a description.
    assert not any("Description of how" in t or "Commitment Made" in t for t in texts.values())


def test_awards_as_shown(tongliao: ParsedProfileReport) -> None:
    # Lines 36-90: profile 34/100/0, Nature Pathway 0/0/0, resources hub 0/0/0,
    # Action Platform 100/100/50.
    assert tongliao.profile.awards_shown == {
        "profile": {"starter": 34, "frontrunner": 100, "star": 0},
        "nature_pathway": {"starter": 0, "frontrunner": 0, "star": 0},
        "resources_hub": {"starter": 0, "frontrunner": 0, "star": 0},
        "action_platform": {"starter": 100, "frontrunner": 100, "star": 50},
    }


def test_nature_pathway_cbi_and_resources(tongliao: ParsedProfileReport) -> None:
    # Lines 330-372: nine steps, each "No uploads or resources have been linked".
    assert [s.number for s in tongliao.pathway] == list(range(1, 10))
    assert all(s.status == "not_started" and s.uploads == () for s in tongliao.pathway)
    assert [s.phase_key for s in tongliao.pathway] == ["analyze"] * 3 + ["act"] * 3 + [
        "accelerate"] * 3
    # Lines 377-392: all three components "not started", 0 of 36/20/56, total 0 of 112.
    cbi = tongliao.cbi
    assert [(c.key, c.score, c.max_points, c.status) for c in cbi.components] == [
        ("native_biodiversity", 0, 36, "not_started"),
        ("ecosystem_services", 0, 20, "not_started"),
        ("governance", 0, 56, "not_started")]
    assert (cbi.total_score, cbi.total_max, cbi.status) == (0, 112, "not_started")
    assert tongliao.resources == ()  # line 405


def test_clean_report_parses_without_warnings(tongliao: ParsedProfileReport) -> None:
    assert tongliao.warnings == ()


def test_to_dict_is_the_documented_json(tongliao: ParsedProfileReport) -> None:
    data = json.loads(json.dumps(tongliao.to_dict(), ensure_ascii=False))
    assert set(data) >= {"profile", "commitments", "pathway", "cbi", "resources", "awards",
                         "warnings"}
    first = data["commitments"][0]
    assert first["area"] == "protect-and-restore-nature"
    assert first["commitment"] == "protect-connect-restore-ecosystems"
    assert first["actions"][0]["action"] == "increase-protected-areas"
    assert first["actions"][0]["language"] == "zh"
    assert first["actions"][0]["description"].startswith("通辽市各级各类自然保护地")
    assert data["profile"]["population"] == 2807000
    assert data["cbi"]["status"] == "not_started"
    assert data["pathway"][2] == {"step": "set-baseline", "number": 3, "title": "Set Baseline",
                                  "phase": "analyze", "status": "not_started", "uploads": [],
                                  "line": 340}
    assert data["awards"]["shown"]["action_platform"]["star"] == 50
    assert data["warnings"] == []
