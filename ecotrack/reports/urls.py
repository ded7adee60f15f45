from django.urls import path

from ecotrack.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("profile/<str:code>/", views.profile_page, name="profile"),
    path("profile/<str:code>.pdf", views.profile_download, {"fmt": "pdf"}, name="profile_pdf"),
    path("profile/<str:code>.html", views.profile_download, {"fmt": "html"}, name="profile_html"),
    path("plan/<int:pk>.pdf", views.plan_download, {"fmt": "pdf"}, name="plan_pdf"),
    path("plan/<int:pk>.xlsx", views.plan_download, {"fmt": "xlsx"}, name="plan_xlsx"),
    path("export/<str:code>.<str:fmt>", views.export, name="export"),
]
