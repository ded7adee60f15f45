from django.apps import AppConfig


class CbiConfig(AppConfig):
    name = "ecotrack.cbi"
