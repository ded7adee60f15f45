from django.urls import path

from ecotrack.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("profile/<str:code>/", views.profile_page, name="profile"),
    path("profile/<str:code>.pdf", views.profile_download, {"fmt": "pdf"}, name="profile_pdf"),
    path("profile/<str:code>.html", views.profile_download, {"fmt": "html"}, name="profile_html"),
]
