"""The open-data tables and their columns: the one place the format is defined.

Keys are natural: a jurisdiction by its GB/T 2260 code, a plan by (jurisdiction code, title,
period start, period end), an indicator by its plan and its number in the plan, taxonomy
entries by their keys. A database id never appears, so a file moves between installations.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT = "ecotrack-open-data"
VERSION = 1

# Column types: how a value is written in JSON and read back from a spreadsheet cell.
TYPES = ("string", "text", "integer", "number", "decimal", "date", "boolean", "json")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False
    description: str = ""
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    source_app: str = ""  # the app whose models hold the rows ("" = always present)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _c(name: str, type_: str = "string", required: bool = False, description: str = "",
       choices: tuple[str, ...] = ()) -> Column:
    return Column(name, type_, required, description, choices)


PLAN_KEY = (
    _c("jurisdiction_code", required=True, description="GB/T 2260 code of the plan's jurisdiction"),
    _c("plan_title", required=True, description="the plan's title, verbatim"),
    _c("plan_period_start", "integer", True, "first year of the plan period"),
    _c("plan_period_end", "integer", True, "last year of the plan period"),
)
INDICATOR_KEY = (*PLAN_KEY, _c("indicator_number", required=True,
                                description="the indicator's number in the plan (7, 7.1)"))

TABLES: tuple[Table, ...] = (
    Table(
        "jurisdictions",
        "The exported jurisdiction (and its parent's code), so the receiving installation can "
        "check it has the same place.",
        ("code",),
        (
            _c("code", required=True, description="GB/T 2260 code"),
            _c("name_zh", required=True, description="name in Chinese"),
            _c("name_en", description="name in English"),
            _c("level", required=True, choices=("country", "province", "prefecture", "county")),
            _c("parent_code", description="code of the parent jurisdiction"),
        ),
    ),
    Table(
        "profile",
        "The CitiesWithNature profile overview (published profiles only).",
        ("jurisdiction_code",),
        (
            _c("jurisdiction_code", required=True),
            _c("about", "text"),
            _c("about_language", choices=("zh-hans", "en", "")),
            _c("population", "integer"),
            _c("population_year", "integer"),
            _c("area_km2", "decimal"),
            _c("centre_latitude", "decimal"),
            _c("centre_longitude", "decimal"),
            _c("head_of_government"),
            _c("country"),
            _c("world_region"),
        ),
    ),
    Table(
        "nature_commitments",
        "Commitments made on the Action Platform, by their CitiesWithNature taxonomy key.",
        ("jurisdiction_code", "commitment_key"),
        (
            _c("jurisdiction_code", required=True),
            _c("commitment_key", required=True,
               description="taxonomy key (docs/citieswithnature.md), e.g. control-pollution"),
            _c("committed_on", "date"),
            _c("target_date", "date"),
        ),
        source_app="nature",
    ),
    Table(
        "nature_other_commitments",
        "Commitments in the city's own words under an action area.",
        ("jurisdiction_code", "area_key", "text"),
        (
            _c("jurisdiction_code", required=True),
            _c("area_key", required=True, description="taxonomy key of the action area"),
            _c("text", required=True),
        ),
        source_app="nature",
    ),
    Table(
        "nature_actions",
        "Actions under a commitment, with the description of how the city is taking action.",
        ("jurisdiction_code", "commitment_key", "action_key", "title"),
        (
            _c("jurisdiction_code", required=True),
            _c("commitment_key", required=True),
            _c("action_key", description="taxonomy key; empty for the city's own action"),
            _c("title", description="the city's own title (when action_key is empty)"),
            _c("description", "text"),
            _c("description_language", choices=("zh-hans", "en", "")),
        ),
        source_app="nature",
    ),
    Table(
        "nature_targets",
        "Quantified targets of actions: baseline, target and latest value.",
        ("jurisdiction_code", "commitment_key", "action_key", "action_title", "metric",
         "target_year"),
        (
            _c("jurisdiction_code", required=True),
            _c("commitment_key", required=True),
            _c("action_key"),
            _c("action_title"),
            _c("metric", required=True, description="what is measured"),
            _c("unit"),
            _c("direction", required=True, choices=("increase", "decrease")),
            _c("baseline_year", "integer", True),
            _c("baseline_value", "decimal", True),
            _c("target_year", "integer", True),
            _c("target_value", "decimal", True),
            _c("latest_year", "integer"),
            _c("latest_value", "decimal"),
        ),
        source_app="nature",
    ),
    Table(
        "pathway_steps",
        "Where the city stands on each Nature Pathway step.",
        ("jurisdiction_code", "step_key"),
        (
            _c("jurisdiction_code", required=True),
            _c("step_key", required=True, description="e.g. commit-mobilize"),
            _c("status", required=True, choices=("not_started", "in_progress", "completed")),
            _c("notes", "text"),
        ),
        source_app="nature",
    ),
    Table(
        "resources",
        "Tools & resources hub entries: metadata only (files stay on the source installation).",
        ("jurisdiction_code", "title"),
        (
            _c("jurisdiction_code", required=True),
            _c("title", required=True),
            _c("kind", required=True, choices=("tool", "guide", "case_study", "plan", "policy",
                                               "data", "report", "other")),
            _c("language", choices=("zh-hans", "en", "")),
            _c("description", "text"),
            _c("link", description="URL of a linked resource"),
            _c("file_name", description="name of the uploaded file (not included)"),
            _c("tags", "json", description="tag names, a JSON array"),
            _c("step_keys", "json", description="Nature Pathway steps it supports, JSON array"),
            _c("commitment_keys", "json", description="commitments it supports, JSON array"),
        ),
        source_app="nature",
    ),
    Table(
        "plans",
        "Published plans of the jurisdiction.",
        ("jurisdiction_code", "plan_title", "plan_period_start", "plan_period_end"),
        (
            *PLAN_KEY,
            _c("kind", required=True, choices=("five_year", "demonstration", "other")),
            _c("base_year", "integer"),
            _c("issuing_body"),
            _c("issued_date", "date"),
            _c("source_url"),
            _c("source_filename"),
        ),
        source_app="plans",
    ),
    Table(
        "milestones",
        "Review milestones of a plan (annual monitoring, mid-term and final assessment).",
        ("jurisdiction_code", "plan_title", "plan_period_start", "plan_period_end", "kind", "year"),
        (
            *PLAN_KEY,
            _c("kind", required=True, choices=("annual", "midterm", "final")),
            _c("year", "integer", True),
            _c("due_date", "date"),
            _c("status", required=True, choices=("planned", "in_progress", "done")),
            _c("notes", "text"),
        ),
        source_app="plans",
    ),
    Table(
        "indicators",
        "The indicator table of each plan, in the plan's order.",
        (*(c.name for c in INDICATOR_KEY),),
        (
            *INDICATOR_KEY,
            _c("position", "integer", True, "row order in the plan's table"),
            _c("seq", "integer"),
            _c("category", description="area (领域)"),
            _c("subcategory", description="task (任务)"),
            _c("name", required=True),
            _c("sub_name"),
            _c("unit"),
            _c("attribute", choices=("binding", "expected", "reference", "")),
            _c("direction", required=True,
               choices=("higher_better", "lower_better", "target_state")),
            _c("footnotes", "text"),
            _c("method_notes", "text"),
            _c("canonical_key", description="key of the canonical indicator library entry"),
            _c("match_rule", choices=("variant", "keywords", "manual", "")),
            _c("plan_compliance_text", description="the plan's own 达标情况 cell"),
            _c("source_location"),
        ),
        source_app="plans",
    ),
    Table(
        "targets",
        "Targets of plan indicators, verbatim (达到自治区考核目标, ≥25, 不降低 …).",
        (*(c.name for c in INDICATOR_KEY), "year", "is_standard_value"),
        (
            *INDICATOR_KEY,
            _c("year", "integer", description="target year; empty for a standard value"),
            _c("text", required=True, description="the target cell, verbatim"),
            _c("is_standard_value", "boolean", True, "a standard value (指标值)"),
        ),
        source_app="plans",
    ),
    Table(
        "observations",
        "Current values of plan indicators (the latest revision of each indicator and year).",
        (*(c.name for c in INDICATOR_KEY), "year"),
        (
            *INDICATOR_KEY,
            _c("year", "integer", True, "the year the value is filed for"),
            _c("data_year", "integer", True, "the year the value describes"),
            _c("value", "number"),
            _c("text", description="the value as written (90.86*)"),
            _c("marks", description="marks on the value (*, #)"),
            _c("source", required=True, choices=("manual", "import", "computed")),
            _c("method"),
            _c("input_fingerprint"),
        ),
        source_app="plans",
    ),
    Table(
        "compliance_overrides",
        "Officers' compliance decisions that override the computed status, with the reason.",
        (*(c.name for c in INDICATOR_KEY), "year"),
        (
            *INDICATOR_KEY,
            _c("year", "integer", True),
            _c("status", required=True,
               choices=("met", "on_track", "not_met", "pending", "no_data")),
            _c("reason", "text", True),
        ),
        source_app="plans",
    ),
    Table(
        "key_projects",
        "Key-project boxes (专栏) of a plan, with progress.",
        ("jurisdiction_code", "plan_title", "plan_period_start", "plan_period_end", "position"),
        (
            *PLAN_KEY,
            _c("position", "integer", True),
            _c("box"),
            _c("title", required=True),
            _c("items", "json", description="[{code, title, text}] as a JSON array"),
            _c("progress", "text"),
        ),
        source_app="plans",
    ),
    Table(
        "cbi_assessments",
        "Published City Biodiversity Index assessments: component scores and total.",
        ("jurisdiction_code", "year"),
        (
            _c("jurisdiction_code", required=True),
            _c("year", "integer", True),
            _c("edition", required=True, choices=("2021", "2014")),
            _c("total", "integer", True),
            _c("max_points", "integer", True),
            _c("provisional_points", "integer"),
            _c("component_scores", "json", description='{"native_biodiversity": 19, …}'),
        ),
        source_app="cbi",
    ),
    Table(
        "cbi_indicators",
        "Indicator entries of the published CBI assessments (raw inputs and scores).",
        ("jurisdiction_code", "year", "indicator_key"),
        (
            _c("jurisdiction_code", required=True),
            _c("year", "integer", True),
            _c("indicator_key", required=True),
            _c("inputs", "json"),
            _c("data_year", "integer", description="the indicator's data year (inputs' default)"),
            _c("source", description="the indicator's source (the inputs' default)"),
            _c("input_provenance", "json",
               description='per input, where it differs: {"natural_area_ha": {"year": 2022, '
                           '"source": "land-cover survey"}}'),
            _c("evidence_url"),
            _c("notes", "text"),
            _c("score", "integer"),
            _c("value_text"),
            _c("band_text"),
            _c("provisional", "boolean"),
        ),
        source_app="cbi",
    ),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}
