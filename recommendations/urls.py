"""The two public endpoints of "You may also like" measurement (recommendations/counting/):
the short redirect a card's link goes through, and the beacon that says a block was seen."""

from django.urls import path

from recommendations.counting import views

app_name = "recommendations"

urlpatterns = [
    path("seen/", views.seen, name="seen"),
    path("<str:token>/<int:position>/", views.click, name="click"),
]
