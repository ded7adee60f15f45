from django.apps import AppConfig


class NatureConfig(AppConfig):
    name = "ecotrack.nature"
