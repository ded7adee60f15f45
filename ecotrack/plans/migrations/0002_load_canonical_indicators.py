"""Load the canonical indicator library into the database (run `sync_canonical_indicators`
again after the library gains keys)."""

from django.db import migrations


def load(apps, schema_editor):
    from ecotrack.plans.library import sync_canonical_indicators

    sync_canonical_indicators(apps.get_model("plans", "CanonicalIndicator"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
