from django.urls import path

from ecotrack.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/publish/", views.publish_run, name="publish"),
    path("<str:code>/<int:year>/", views.city_year, name="city-year"),
    path("<str:code>/<int:year>/cities/", views.cities, name="cities"),
]
