"""Runs get a publication state and keep the sha256 of each input file.

`is_published`: runs stored before this migration were shown to everyone (the pages had no
publication state), so they stay published — unpublishing them here would silently take
published results off the public pages. The column is therefore added with default True for
the existing rows and then switched to the platform's default for new content, False (plans
and nature content start as unpublished drafts too; `air-evaluate --publish` publishes).

`input_hashes`: existing runs get an empty list; their input files can no longer be read back,
so the ranking page compares their stored file names, as before.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="airevaluationrun",
            name="is_published",
            field=models.BooleanField(default=True, verbose_name="published"),
        ),
        migrations.AlterField(
            model_name="airevaluationrun",
            name="is_published",
            field=models.BooleanField(default=False, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="airevaluationrun",
            name="input_hashes",
            field=models.JSONField(blank=True, default=list, verbose_name="input file hashes"),
        ),
    ]
