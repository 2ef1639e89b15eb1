"""The newsletter export (command and admin view) and LinkedIn texts."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from agenda.choices import AttendanceMode

TODAY = datetime.date.today()


@pytest.fixture
def events(make_event):
    return [
        make_event(
            title="Webinar binnenkort",
            event_type="webinar",
            attendance_mode=AttendanceMode.ONLINE,
            online_url="https://example.org/w",
            venue_city="",
            start_date=TODAY + datetime.timedelta(days=3),
        ),
        make_event(title="Seminar over twee weken", start_date=TODAY + datetime.timedelta(days=12)),
        make_event(title="Seminar veel later", start_date=TODAY + datetime.timedelta(days=80)),
        make_event(title="Concept", start_date=TODAY + datetime.timedelta(days=2), publish=False),
    ]


@pytest.mark.django_db
def test_command_prints_email_safe_html_for_the_coming_weeks(events):
    out = io.StringIO()
    call_command("agenda_newsletter", "--weeks", "4", "--base-url", "https://www.example.org", stdout=out)
    soup = BeautifulSoup(out.getvalue(), "html.parser")
    links = [a["href"] for a in soup.find_all("a")]
    assert links == ["https://www.example.org" + events[0].url, "https://www.example.org" + events[1].url]
    assert soup.find("table")["role"] == "presentation"
    assert not soup.find_all(["script", "style", "link"]) and all(a.get("style") for a in soup.find_all("a"))

    out = io.StringIO()
    call_command("agenda_newsletter", "--type", "webinar", stdout=out)
    assert "Webinar binnenkort" in out.getvalue() and "Seminar" not in out.getvalue()
    with pytest.raises(CommandError):
        call_command("agenda_newsletter", "--weeks", "99", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("agenda_newsletter", "--theme", "bestaat-niet", stdout=io.StringIO())


@pytest.mark.django_db
def test_linkedin_texts(events):
    out = io.StringIO()
    call_command("agenda_newsletter", "--linkedin", "--weeks", "2", stdout=out)
    text = out.getvalue()
    assert "Webinar binnenkort" in text and "#webinar" in text and "Online" in text
    assert "Utrecht" in text  # the seminar's place


@pytest.mark.django_db
def test_admin_export_view(client, events, django_user_model):
    from django.urls import reverse

    admin = django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord")
    client.force_login(admin)
    url = reverse("agenda_newsletter_export")
    assert client.get(url).status_code == 200
    response = client.get(url, {"weeks": 2, "locale": "nl", "title": "Agenda"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    snippet = soup.find("textarea", id="newsletter-html").text
    assert "Webinar binnenkort" in snippet and "Seminar over twee weken" in snippet
    assert "Concept" not in snippet and "veel later" not in snippet
    assert soup.find("textarea", id="linkedin-1") is not None
    bad = client.get(url, {"weeks": 0, "locale": "nl"})
    assert bad.status_code == 200 and "newsletter-html" not in bad.content.decode()
    client.logout()
    assert client.get(url).status_code == 302  # admins only


@pytest.mark.django_db
def test_links_default_to_the_public_address(client, events, settings, django_user_model):
    from django.urls import reverse

    out = io.StringIO()
    call_command("agenda_newsletter", "--weeks", "4", stdout=out)
    links = [a["href"] for a in BeautifulSoup(out.getvalue(), "html.parser").find_all("a")]
    assert links == [settings.PUBLIC_BASE_URL + events[0].url, settings.PUBLIC_BASE_URL + events[1].url]

    client.force_login(django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord"))
    response = client.get(
        reverse("agenda_newsletter_export"), {"weeks": 2, "locale": "nl", "title": "Agenda"}
    )
    snippet = BeautifulSoup(response.content, "html.parser").find("textarea", id="newsletter-html").text
    assert [a["href"] for a in BeautifulSoup(snippet, "html.parser").find_all("a")] == [
        settings.PUBLIC_BASE_URL + events[0].url,
        settings.PUBLIC_BASE_URL + events[1].url,
    ]
    linkedin = BeautifulSoup(response.content, "html.parser").find("textarea", id="linkedin-1").text
    assert settings.PUBLIC_BASE_URL + events[0].url in linkedin
