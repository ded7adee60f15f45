from django.urls import path

from ecotrack.accounts import views

app_name = "accounts"
urlpatterns = [
    path("<str:code>/", views.members, name="members"),
    path("<str:code>/<int:membership_id>/remove/", views.remove_member, name="remove_member"),
]
