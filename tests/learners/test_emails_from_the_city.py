"""Every email the package sends comes from the city, in Slovenian and in Italian: the From
header carries the city's name, the subject starts with it in brackets, the body greets and signs
off with it (informally to young people, formally to parents and guardians), and no link points
at a port other than the Site's."""

import re
from email.header import decode_header, make_header
from email.utils import parseaddr

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from tests.badges.conftest import make_badge_class
from tests.factories import make_city
from tests.learners.conftest import make_learner, make_playlist, make_playlist_index
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.learners.accounts.models import current_year
from wagtail_cityoflearning.learners.progress.emails import send_review_email
from wagtail_cityoflearning.learners.progress.models import PlaylistEnrolment, StepProgress

PASSWORD = "a-long-passphrase-42"
CAGLIARI_HOST = "cagliari.example.org"
FROM_ADDRESS = "learning@city.example"
# Ljubljana is served on a port of its own: links must keep to it.
LJUBLJANA_PORT = 8734


@pytest.fixture(autouse=True)
def mail_settings(settings):
    """The install's own From address carries a name of its own, which the city's replaces."""
    settings.DEFAULT_FROM_EMAIL = f"Webmaster <{FROM_ADDRESS}>"
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture(params=["sl", "it"])
def town(request, city):
    """Ljubljana in Slovenian (on its own port), or Cagliari in Italian."""
    if request.param == "sl":
        site = city["site"]
        site.port = LJUBLJANA_PORT
        site.save()
        found = {**city, "host": "localhost", "name": "Ljubljana"}
    else:
        other = make_city(hostname=CAGLIARI_HOST, language="it", is_default=False, name="Cagliari")
        found = {**other, "host": CAGLIARI_HOST, "name": "Cagliari"}
    language = request.param
    with translation.override(language):
        display_name = translation.gettext("%(city)s City of Learning") % {"city": found["name"]}
    assert found["name"] in display_name and "City of Learning" not in display_name
    return {**found, "language": language, "display_name": display_name}


def in_language(town, text, **values):
    with translation.override(town["language"]):
        return translation.gettext(text) % values


def greeting(town, *, formal=False, name=""):
    if formal:
        return in_language(town, "Hello, this is %(site_name)s.", site_name=town["display_name"])
    if name:
        return in_language(
            town, "Hi %(name)s, it’s %(site_name)s here!", name=name, site_name=town["display_name"]
        )
    return in_language(town, "Hi from %(site_name)s!", site_name=town["display_name"])


def signoff(town, *, formal=False):
    text = "Kind regards,\n%(site_name)s" if formal else "See you soon,\n%(site_name)s"
    return in_language(town, text, site_name=town["display_name"])


def ports_other_than_the_sites(text, site) -> list[str]:
    """Links in ``text`` to localhost (or the Site's host) on a port that is not the Site's."""
    hosts = {"localhost", "127.0.0.1", site.hostname}
    return [
        f"{host}:{port}"
        for host, port in re.findall(r"//([\w.-]+):(\d+)", text)
        if host in hosts and int(port) != site.port
    ]


def assert_from_the_city(message, town, *, formal=False, name=""):
    display_name = town["display_name"]
    assert parseaddr(message.from_email) == (display_name, FROM_ADDRESS)
    sent_header = str(make_header(decode_header(message.message()["From"])))
    assert parseaddr(sent_header) == (display_name, FROM_ADDRESS)
    assert message.subject.startswith(f"[{display_name}] ")
    body = message.body.strip()
    assert body.splitlines()[0] == greeting(town, formal=formal, name=name)
    assert body.endswith("\n\n" + signoff(town, formal=formal))
    assert not message.body.endswith("\n\n")
    assert ports_other_than_the_sites(message.body, town["site"]) == []
    for html, _kind in message.alternatives:
        text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
        assert greeting(town, formal=formal, name=name) in text
        assert " ".join(signoff(town, formal=formal).split()) in " ".join(text.split())
        assert ports_other_than_the_sites(html, town["site"]) == []


def signup(client, town, **data):
    fields = {
        "display_name": "Nejc",
        "email": "nejc@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "year_of_birth": current_year() - 18,
        "guardian_email": "",
        "preferred_language": town["language"],
        **data,
    }
    response = client.post(reverse("account_signup"), fields, HTTP_HOST=town["host"])
    assert response.status_code == 302, response.content.decode()[:500]


def only_message_to(address):
    messages = [message for message in mail.outbox if message.to == [address]]
    assert len(messages) == 1, [message.to for message in mail.outbox]
    return messages[0]


def test_the_confirmation_email_comes_from_the_city(client, town):
    signup(client, town)
    message = only_message_to("nejc@example.org")
    assert "/accounts/confirm-email/" in message.body
    assert_from_the_city(message, town)


def test_the_password_reset_email_comes_from_the_city(client, town):
    learner = make_learner(site=town["site"], preferred_language=town["language"])
    client.post(reverse("account_reset_password"), {"email": learner.email}, HTTP_HOST=town["host"])
    message = only_message_to(learner.email)
    assert "/accounts/password/reset/key/" in message.body
    assert_from_the_city(message, town)


def test_the_guardians_email_comes_from_the_city_formally(client, town):
    signup(client, town, year_of_birth=current_year() - 13, guardian_email="oce@example.org")
    message = only_message_to("oce@example.org")
    link = reverse("wagtail_cityoflearning_learners:consent_confirm", args=["token"])
    assert link.removesuffix("token/") in message.body
    assert_from_the_city(message, town, formal=True)


def test_the_review_decision_comes_from_the_city(town):
    learner = make_learner(site=town["site"], preferred_language=town["language"])
    playlist = make_playlist(
        make_playlist_index(town["home"], slug=f"playlists-{town['language']}"),
        [
            (
                "activity",
                {
                    "title": "Scenarij prve epizode",
                    "instructions": "<p>Write the first episode.</p>",
                    "evidence": "text",
                    "required": True,
                },
            )
        ],
        title="Podcast",
    )
    enrolment = PlaylistEnrolment.objects.create(
        user=learner, playlist=playlist, started_at=timezone.now()
    )
    progress = StepProgress.objects.create(
        enrolment=enrolment,
        step_id=playlist.step_list[0].id,
        status=StepProgress.Status.APPROVED,
        submitted_at=timezone.now(),
        reviewed_at=timezone.now(),
        text="My script",
    )
    send_review_email(progress)
    message = only_message_to(learner.email)
    assert "Scenarij prve epizode" in message.subject
    assert town["site"].root_url + "/" in message.body  # the link goes to the city's site
    assert_from_the_city(message, town, name="Maja")


def test_the_badge_email_comes_from_the_city(town, django_capture_on_commit_callbacks):
    issuer = Issuer.objects.create(
        name=f"Provider in {town['name']}",
        url="https://provider.example.org/",
        email="badges@provider.example.org",
        site=town["site"],
    )
    badge = make_badge_class(issuer, name="Mladi izumitelj")
    with django_capture_on_commit_callbacks(execute=True):
        award(badge, "maja@example.org")
    message = only_message_to("maja@example.org")
    assert "Mladi izumitelj" in message.subject
    assert message.alternatives  # the HTML version greets and signs off too
    assert_from_the_city(message, town)


def test_a_sites_subject_prefix_replaces_the_citys_name_on_every_email(
    client, city, settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Učimo se] "
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Nejc",
            "email": "nejc@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "year_of_birth": current_year() - 18,
            "guardian_email": "",
            "preferred_language": "sl",
        },
    )
    issuer = Issuer.objects.create(
        name="Mesto", url="https://lj.example.org/", email="b@lj.example.org", site=city["site"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        award(make_badge_class(issuer), "maja@example.org")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert message.subject.startswith("[Učimo se] ")
        assert parseaddr(message.from_email)[0] == "Mesto učenja Ljubljana"
