"""Import: store a checked dataset, matching everything by natural keys.

Existing rows are updated in place and missing ones created; observations go through the
plans app's `record_observation`, so a changed value becomes a new revision and the old one
stays. The caller runs this inside `transaction.atomic()` and `command_actor(...)`: any
problem raises `OpenDataError` and nothing is stored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from ecotrack.accounts.permissions import require_edit
from ecotrack.places.models import Jurisdiction, Profile
from ecotrack.reports.opendata.readers import OpenDataError, Problem

PROFILE_FIELDS = (
    "about", "about_language", "population", "population_year", "area_km2", "centre_latitude",
    "centre_longitude", "head_of_government", "country", "world_region",
)


@dataclass
class LoadResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        names = sorted(set(self.created) | set(self.updated))
        return ", ".join(
            f"{n}: {self.created[n]} created, {self.updated[n]} updated" for n in names
        ) or "nothing to import"


class Loader:
    def __init__(self, dataset: dict[str, Any], file: str, user: Any | None, publish: bool):
        self.tables: dict[str, list[dict[str, Any]]] = dataset["tables"]
        self.file = file
        self.user = user
        self.publish = publish
        self.result = LoadResult()
        self.places: dict[str, Jurisdiction] = {}
        self.plans: dict[tuple[str, str, int, int], Any] = {}
        self.indicators: dict[tuple[str, str, int, int, str], Any] = {}

    def fail(self, sheet: str, row: int | None, column: str, message: str) -> OpenDataError:
        return OpenDataError([Problem(self.file, sheet, row, column, message)])

    def count(self, table: str, created: bool) -> None:
        (self.result.created if created else self.result.updated)[table] += 1

    def place(self, code: str, sheet: str, row: int, column: str = "jurisdiction_code") -> Any:
        if code not in self.places:
            found = Jurisdiction.objects.filter(code=code).first()
            if found is None:
                raise self.fail(sheet, row, column, f"no jurisdiction with code {code!r}")
            if self.user is not None:
                try:
                    require_edit(self.user, found)
                except PermissionDenied:
                    raise self.fail(
                        sheet, row, column,
                        f"{self.user.get_username()} may not change the content of {found}",
                    ) from None
            self.places[code] = found
        return self.places[code]

    def run(self) -> LoadResult:
        for name in ("jurisdictions", "profile", "nature_commitments",
                     "nature_other_commitments", "nature_actions", "nature_targets",
                     "pathway_steps", "resources", "plans", "milestones", "indicators", "targets",
                     "observations", "compliance_overrides", "key_projects", "cbi_assessments",
                     "cbi_indicators"):
            rows = self.tables.get(name, [])
            for number, row in enumerate(rows, start=2):
                getattr(self, f"load_{name}")(row, number)
        return self.result

    # -- places --------------------------------------------------------------------------
    def load_jurisdictions(self, row: dict[str, Any], number: int) -> None:
        existing = Jurisdiction.objects.filter(code=row["code"]).first()
        if existing is not None:
            return  # reference data: this installation's names and tree are kept
        parent = None
        if row["parent_code"]:
            parent = Jurisdiction.objects.filter(code=row["parent_code"]).first()
            if parent is None:
                raise self.fail("jurisdictions", number, "parent_code",
                                f"no jurisdiction with code {row['parent_code']!r}; "
                                "load the places first (ecotrack load-places)")
        if self.user is not None and not getattr(self.user, "is_superuser", False):
            raise self.fail("jurisdictions", number, "code",
                            f"jurisdiction {row['code']} does not exist here; an administrator "
                            "must add it")
        Jurisdiction.objects.create(code=row["code"], name_zh=row["name_zh"],
                                    name_en=row["name_en"], level=row["level"], parent=parent)
        self.count("jurisdictions", True)

    def load_profile(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "profile", number)
        values = {name: row[name] for name in PROFILE_FIELDS}
        _obj, created = Profile.objects.update_or_create(
            jurisdiction=place, defaults={**values, "is_published": self.publish}
        )
        self.count("profile", created)

    # -- nature --------------------------------------------------------------------------
    def nature(self, name: str) -> Any:
        return apps.get_model("nature", name)

    def commitment(self, place: Any, key: str, sheet: str, number: int) -> Any:
        found = self.nature("Commitment").objects.filter(jurisdiction=place,
                                                          commitment_key=key).first()
        if found is None:
            raise self.fail(sheet, number, "commitment_key",
                            f"commitment {key!r} is not in sheet 'nature_commitments'")
        return found

    def action(self, place: Any, row: dict[str, Any], title_field: str, sheet: str,
               number: int) -> Any:
        commitment = self.commitment(place, row["commitment_key"], sheet, number)
        actions = commitment.actions.all()
        found = (actions.filter(action_key=row["action_key"]) if row["action_key"]
                 else actions.filter(action_key="", title=row[title_field])).first()
        if found is None:
            raise self.fail(sheet, number, "action_key",
                            "this action is not in sheet 'nature_actions'")
        return found

    def load_nature_commitments(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "nature_commitments", number)
        _obj, created = self.nature("Commitment").objects.update_or_create(
            jurisdiction=place, commitment_key=row["commitment_key"],
            defaults={"committed_on": row["committed_on"], "target_date": row["target_date"],
                      "is_published": self.publish},
        )
        self.count("nature_commitments", created)

    def load_nature_other_commitments(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "nature_other_commitments", number)
        _obj, created = self.nature("OtherCommitment").objects.update_or_create(
            jurisdiction=place, area_key=row["area_key"], text=row["text"],
            defaults={"is_published": self.publish},
        )
        self.count("nature_other_commitments", created)

    def load_nature_actions(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "nature_actions", number)
        commitment = self.commitment(place, row["commitment_key"], "nature_actions", number)
        if not row["action_key"] and not row["title"]:
            raise self.fail("nature_actions", number, "title",
                            "an action needs an action_key or a title")
        match = ({"action_key": row["action_key"]} if row["action_key"]
                 else {"action_key": "", "title": row["title"]})
        _obj, created = commitment.actions.update_or_create(
            **match,
            defaults={"jurisdiction": place, "title": row["title"],
                      "description": row["description"],
                      "description_language": row["description_language"],
                      "is_published": self.publish},
        )
        self.count("nature_actions", created)

    def load_nature_targets(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "nature_targets", number)
        action = self.action(place, row, "action_title", "nature_targets", number)
        _obj, created = action.targets.update_or_create(
            metric=row["metric"], target_year=row["target_year"],
            defaults={"jurisdiction": place, "is_published": self.publish, **{
                k: row[k] for k in ("unit", "direction", "baseline_year", "baseline_value",
                                    "target_value", "latest_year", "latest_value")}},
        )
        self.count("nature_targets", created)

    def load_pathway_steps(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "pathway_steps", number)
        _obj, created = self.nature("PathwayStep").objects.update_or_create(
            jurisdiction=place, step_key=row["step_key"],
            defaults={"status": row["status"], "notes": row["notes"],
                      "is_published": self.publish},
        )
        self.count("pathway_steps", created)

    def load_resources(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "resources", number)
        resource, created = self.nature("Resource").objects.update_or_create(
            jurisdiction=place, title=row["title"],
            defaults={"kind": row["kind"], "language": row["language"],
                      "description": row["description"], "link": row["link"],
                      "is_published": self.publish},
        )
        tag_model = self.nature("Tag")
        resource.tags.set([tag_model.objects.get_or_create(name=n)[0]
                           for n in row["tags"] or []])
        resource.step_links.exclude(step_key__in=row["step_keys"] or []).delete()
        for key in row["step_keys"] or []:
            resource.step_links.get_or_create(step_key=key)
        resource.commitments.set([
            self.commitment(place, key, "resources", number)
            for key in row["commitment_keys"] or []
        ])
        self.count("resources", created)

    # -- plans ---------------------------------------------------------------------------
    def plan(self, row: dict[str, Any], sheet: str, number: int) -> Any:
        key = (row["jurisdiction_code"], row["plan_title"], row["plan_period_start"],
               row["plan_period_end"])
        if key not in self.plans:
            place = self.place(key[0], sheet, number)
            plan = apps.get_model("plans", "Plan").objects.filter(
                jurisdiction=place, title=key[1], period_start=key[2], period_end=key[3]
            ).first()
            if plan is None:
                raise self.fail(sheet, number, "plan_title",
                                f"plan {key[1]!r} {key[2]}-{key[3]} is neither in sheet 'plans' "
                                "nor on this installation")
            self.plans[key] = plan
        return self.plans[key]

    def indicator(self, row: dict[str, Any], sheet: str, number: int) -> Any:
        plan = self.plan(row, sheet, number)
        key = (row["jurisdiction_code"], row["plan_title"], row["plan_period_start"],
               row["plan_period_end"], row["indicator_number"])
        if key not in self.indicators:
            found = plan.indicators.filter(number=row["indicator_number"]).first()
            if found is None:
                raise self.fail(sheet, number, "indicator_number",
                                f"indicator {row['indicator_number']} is not in plan "
                                f"{plan.title!r} (sheet 'indicators')")
            self.indicators[key] = found
        return self.indicators[key]

    def load_plans(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "plans", number)
        plan_model = apps.get_model("plans", "Plan")
        plan, created = plan_model.objects.update_or_create(
            jurisdiction=place, title=row["plan_title"], period_start=row["plan_period_start"],
            period_end=row["plan_period_end"],
            defaults={
                "kind": row["kind"], "base_year": row["base_year"],
                "issuing_body": row["issuing_body"], "issued_date": row["issued_date"],
                "source_url": row["source_url"], "source_filename": row["source_filename"],
                "is_published": self.publish,
            },
        )
        self.plans[(place.code, plan.title, plan.period_start, plan.period_end)] = plan
        self.count("plans", created)
        # Positions are unique per plan: park this plan's rows out of the way so the file's
        # order can be applied whatever the order on record.
        in_file = [r["indicator_number"] for r in self.tables.get("indicators", [])
                   if (r["jurisdiction_code"], r["plan_title"], r["plan_period_start"],
                       r["plan_period_end"]) == (place.code, plan.title, plan.period_start,
                                                 plan.period_end)]
        for ind in plan.indicators.filter(number__in=in_file):
            ind.position += 1_000_000
            ind.save(update_fields=["position"])

    def load_milestones(self, row: dict[str, Any], number: int) -> None:
        plan = self.plan(row, "milestones", number)
        _obj, created = plan.milestones.update_or_create(
            kind=row["kind"], year=row["year"],
            defaults={"due_date": row["due_date"], "status": row["status"], "notes": row["notes"]},
        )
        self.count("milestones", created)

    def load_indicators(self, row: dict[str, Any], number: int) -> None:
        plan = self.plan(row, "indicators", number)
        canonical = None
        if row["canonical_key"]:
            canonical = apps.get_model("plans", "CanonicalIndicator").objects.filter(
                key=row["canonical_key"]).first()
            if canonical is None:
                raise self.fail("indicators", number, "canonical_key",
                                f"unknown canonical indicator {row['canonical_key']!r} "
                                "(a newer indicator library?)")
        fields = {name: row[name] for name in (
            "position", "seq", "category", "subcategory", "name", "sub_name", "unit",
            "attribute", "direction", "footnotes", "method_notes", "match_rule",
            "plan_compliance_text", "source_location")}
        try:
            with transaction.atomic():
                _ind, created = plan.indicators.update_or_create(
                    number=row["indicator_number"], defaults={**fields, "canonical": canonical}
                )
        except IntegrityError:
            raise self.fail("indicators", number, "position",
                            f"position {row['position']} is taken by another indicator of "
                            f"{plan.title!r} that is not in the file") from None
        self.count("indicators", created)

    def load_targets(self, row: dict[str, Any], number: int) -> None:
        ind = self.indicator(row, "targets", number)
        target = ind.targets.filter(year=row["year"],
                                    is_standard_value=row["is_standard_value"]).first()
        created = target is None
        if target is None:
            target = ind.targets.model(indicator=ind, year=row["year"],
                                       is_standard_value=row["is_standard_value"])
        if created or target.text != row["text"]:
            target.text = row["text"]
            target.save()
            self.count("targets", created)

    def load_observations(self, row: dict[str, Any], number: int) -> None:
        from ecotrack.plans.observations import ObservationError, record_observation

        ind = self.indicator(row, "observations", number)
        try:
            _obs, written = record_observation(
                ind, row["year"], row["value"], row["source"], row["method"], self.user,
                text=row["text"], data_year=row["data_year"], marks=row["marks"],
                fingerprint=row["input_fingerprint"],
            )
        except ObservationError as exc:
            raise self.fail("observations", number, "value", str(exc)) from None
        if written:
            self.count("observations", True)

    def load_compliance_overrides(self, row: dict[str, Any], number: int) -> None:
        ind = self.indicator(row, "compliance_overrides", number)
        created_by = self.user if getattr(self.user, "is_authenticated", False) else None
        _obj, created = ind.overrides.update_or_create(
            year=row["year"],
            defaults={"status": row["status"], "reason": row["reason"], "created_by": created_by},
        )
        self.count("compliance_overrides", created)

    def load_key_projects(self, row: dict[str, Any], number: int) -> None:
        plan = self.plan(row, "key_projects", number)
        _obj, created = plan.projects.update_or_create(
            position=row["position"],
            defaults={"box": row["box"], "title": row["title"], "items": row["items"] or [],
                      "progress": row["progress"]},
        )
        self.count("key_projects", created)

    # -- CBI -----------------------------------------------------------------------------
    def load_cbi_assessments(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "cbi_assessments", number)
        model = apps.get_model("cbi", "Assessment")
        _obj, created = model.objects.update_or_create(
            jurisdiction=place, year=row["year"],
            defaults={
                "edition": row["edition"], "total": row["total"], "max_points": row["max_points"],
                "provisional_points": row["provisional_points"] or 0,
                "component_scores": row["component_scores"] or {},
                "status": "reviewed", "is_published": self.publish,
            },
        )
        self.count("cbi_assessments", created)

    def load_cbi_indicators(self, row: dict[str, Any], number: int) -> None:
        place = self.place(row["jurisdiction_code"], "cbi_indicators", number)
        assessment = apps.get_model("cbi", "Assessment").objects.filter(
            jurisdiction=place, year=row["year"]).first()
        if assessment is None:
            raise self.fail("cbi_indicators", number, "year",
                            f"no CBI assessment {row['year']} in sheet 'cbi_assessments'")
        from ecotrack.cbi.models import input_provenance_problem  # only where the app is

        problem = input_provenance_problem(row["input_provenance"])
        if problem:
            raise self.fail("cbi_indicators", number, "input_provenance", problem)
        _obj, created = assessment.entries.update_or_create(
            indicator_key=row["indicator_key"],
            defaults={name: row[name] for name in (
                "inputs", "data_year", "source", "input_provenance", "evidence_url", "notes",
                "score", "value_text", "band_text", "provisional") if row[name] is not None},
        )
        self.count("cbi_indicators", created)


def load_dataset(
    dataset: dict[str, Any], file: str, user: Any | None, publish: bool = True
) -> LoadResult:
    return Loader(dataset, file, user, publish).run()
