from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Vienna Deep Learning Meetup – organizers"
admin.site.site_title = "VDLM admin"
admin.site.index_title = "Prepare meetups"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("talks.urls")),
    path("", include("events.urls")),
]
