from django.urls import path

from ecotrack.importers import views

app_name = "importers"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("drafts/<int:pk>/", views.review, name="review"),
    path("drafts/<int:pk>/discard/", views.discard, name="discard"),
]
