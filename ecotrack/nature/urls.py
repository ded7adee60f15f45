from django.urls import path

from ecotrack.nature import editing, hub, views

app_name = "nature"
urlpatterns = [
    path("", views.index, name="index"),
    path("resources/", hub.resources, name="resources"),
    path("resources/<int:pk>/", hub.resource, name="resource"),
    path("resources/<int:pk>/download/", hub.download, name="download"),
    path("resources/<int:pk>/edit/", editing.resource_edit, name="resource_edit"),
    path("commitments/<int:pk>/", views.commitment, name="commitment"),
    path("commitments/<int:pk>/edit/", editing.commitment_edit, name="commitment_edit"),
    path("commitments/<int:pk>/actions/new/", editing.action_new, name="action_new"),
    path("actions/<int:pk>/edit/", editing.action_edit, name="action_edit"),
    path("actions/<int:pk>/targets/new/", editing.target_new, name="target_new"),
    path("targets/<int:pk>/edit/", editing.target_edit, name="target_edit"),
    path("other-commitments/<int:pk>/edit/", editing.other_commitment_edit,
         name="other_commitment_edit"),
    path("<str:code>/", views.profile, name="profile"),
    path("<str:code>/awards/", views.awards_page, name="awards"),
    path("<str:code>/commitments/new/", editing.commitment_new, name="commitment_new"),
    path("<str:code>/other-commitments/new/", editing.other_commitment_new,
         name="other_commitment_new"),
    path("<str:code>/pathway/<slug:step_key>/edit/", editing.step_edit, name="step_edit"),
    path("<str:code>/resources/new/", editing.resource_new, name="resource_new"),
]
