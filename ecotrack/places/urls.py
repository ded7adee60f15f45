from django.urls import path

from ecotrack.places import views

app_name = "places"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/profile/edit/", views.edit_profile, name="edit_profile"),
    path("<str:code>/profile/image/", views.profile_image, name="profile_image"),
]
