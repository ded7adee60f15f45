from django.urls import path

from ecotrack.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("adopt/", views.adopt, name="adopt"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit_plan, name="edit"),
    path("<int:pk>/observations/upload/", views.upload_observations, name="upload"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
    path("indicators/<int:pk>/edit/", views.edit_indicator, name="indicator_edit"),
    path("indicators/<int:pk>/observe/", views.add_observation, name="observe"),
    path("indicators/<int:pk>/override/", views.set_override, name="override"),
    path("overrides/<int:pk>/remove/", views.remove_override, name="override_remove"),
    path("cascade/<str:code>/", views.cascade, name="cascade"),
]
