from django.urls import path

from . import feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/data/", views.AboutDataView.as_view(), name="about_data"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/feed/", feeds.MeetingFeed(), name="meeting_feed"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("people/suggest/", views.person_suggestions, name="person_suggest"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("countries/", views.CountryListView.as_view(), name="country_list"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country_detail"),
    path("countries/<str:code>/<str:other>/", views.CountryPairView.as_view(), name="country_pair"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
    path("statements/", views.StatementListView.as_view(), name="statement_list"),
    path("statements/<int:pk>/", views.StatementDetailView.as_view(), name="statement_detail"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
