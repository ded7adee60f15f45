from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from ecotrack.web import views as web_views

handler403 = "ecotrack.web.views.permission_denied"

urlpatterns = [
    path("", web_views.home, name="home"),
    path("places/", include("ecotrack.places.urls")),
    path("members/", include("ecotrack.accounts.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("nature/", include("ecotrack.nature.urls")),
    path("cbi/", include("ecotrack.cbi.urls")),
    path("plans/", include("ecotrack.plans.urls")),
    path("monitoring/", include("ecotrack.monitoring.urls")),
    path("importers/", include("ecotrack.importers.urls")),
    path("reports/", include("ecotrack.reports.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
