"""Q&A addresses outside the page tree (mounted in ``config.urls``, per language)."""

from django.urls import path

from qa import views

app_name = "qa"

urlpatterns = [
    path("<int:question_id>/", views.feedback, name="feedback"),
]
