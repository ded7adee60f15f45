from django.urls import path

from ecotrack.cbi import edit_views, edition_views, views

app_name = "cbi"
urlpatterns = [
    path("", views.index, name="index"),
    # Fixed prefixes come before <code>/, which would otherwise match them.
    path("editions/<str:edition_id>/", edition_views.edition_detail, name="edition"),
    path(
        "editions/<str:edition_id>/<str:key>/correct/",
        edition_views.correct_bands,
        name="correct_bands",
    ),
    path("<str:code>/", views.jurisdiction_page, name="jurisdiction"),
    path("<str:code>/start/", edit_views.start, name="start"),
    path("<str:code>/<int:year>/", views.detail, name="detail"),
    path("<str:code>/<int:year>/profile/", edit_views.edit_profile, name="edit_profile"),
    path(
        "<str:code>/<int:year>/inputs/<str:component>/",
        edit_views.edit_component,
        name="edit_component",
    ),
    path("<str:code>/<int:year>/transition/", edit_views.transition, name="transition"),
    path("<str:code>/<int:year>/evidence/<str:key>/", views.evidence, name="evidence"),
]
