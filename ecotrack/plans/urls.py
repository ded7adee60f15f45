from django.urls import path

from ecotrack.plans import edit_views, views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", edit_views.create_plan, name="create"),
    path("adopt/", views.adopt, name="adopt"),
    path("set-target/", views.set_target, name="set_target"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", edit_views.edit_plan, name="edit"),
    path("<int:pk>/publish/", edit_views.publish_plan, name="publish"),
    path("<int:pk>/milestones/", edit_views.edit_milestones, name="milestones"),
    path("<int:pk>/indicators/new/", edit_views.add_indicator, name="indicator_add"),
    path("<int:pk>/projects/new/", edit_views.add_project, name="project_add"),
    path("<int:pk>/observations/upload/", views.upload_observations, name="upload"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("indicators/<int:pk>/edit/", edit_views.edit_indicator, name="indicator_edit"),
    path("indicators/<int:pk>/delete/", edit_views.delete_indicator, name="indicator_delete"),
    path("indicators/<int:pk>/targets/", edit_views.edit_targets, name="targets"),
    path("indicators/<int:pk>/observe/", views.add_observation, name="observe"),
    path("indicators/<int:pk>/override/", views.set_override, name="override"),
    path("overrides/<int:pk>/remove/", views.remove_override, name="override_remove"),
    path("projects/<int:pk>/edit/", edit_views.edit_project, name="project_edit"),
    path("projects/<int:pk>/delete/", edit_views.delete_project, name="project_delete"),
    path("projects/<int:pk>/issues/new/", edit_views.add_issue, name="issue_add"),
    path("issues/<int:pk>/edit/", edit_views.edit_issue, name="issue_edit"),
    path("<int:pk>/progress/", views.progress, name="progress"),
    path("league/<str:code>/", views.league, name="league"),
    path("cascade/<str:code>/", views.cascade, name="cascade"),
]
