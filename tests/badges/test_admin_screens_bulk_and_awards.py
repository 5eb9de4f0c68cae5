"""The awards' admin screens as editors use them: the bulk award keeps the pasted list and
warns about recipients who already hold the badge, the awards list speaks in words, and the
single award form suggests only the learners in the editor's scope."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from tests.factories import make_city
from tests.learners.conftest import make_learner
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.badges.awarding import award, revoke
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.learners.progress.models import Attendance

BULK = "cityoflearning_awards:bulk"


def sign_in(client, user):
    """Sign in to the admin in English (it otherwise follows the site's language)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    sign_in(client, user)
    return user


def sign_in_slovenian(client, user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "sl"
    profile.current_time_zone = "Europe/Ljubljana"
    profile.save()
    client.force_login(user)


def in_slovenian(message) -> str:
    """What the Slovenian admin says: ``message`` from the catalogue."""
    with translation.override("sl"):
        return translation.gettext(message)


LJUBLJANA = ZoneInfo("Europe/Ljubljana")


def preview(client, badge_class, rows, **extra):
    return client.post(reverse(BULK), {"badge_class": badge_class.pk, "rows": rows, **extra})


def text(response) -> str:
    return response.content.decode()


# -- bulk award ------------------------------------------------------------------------------


def test_changing_the_list_after_the_preview_keeps_what_was_pasted(client, editor, badge_class):
    pasted = "maja@example.org\nluka@example.org,https://example.org/lamp,Built a lamp"
    shown = preview(client, badge_class, pasted)
    assert shown.context["rows"], "the preview lists the rows"

    back = preview(client, badge_class, pasted, edit="1")

    assert back.status_code == 200
    assert not back.context.get("rows")
    textarea = re.search(r'<textarea[^>]*name="rows"[^>]*>(.*?)</textarea>', text(back), re.S)
    assert textarea, "the list is offered again for editing"
    assert "maja@example.org" in textarea.group(1)
    assert "luka@example.org,https://example.org/lamp,Built a lamp" in textarea.group(1)
    assert f'<option value="{badge_class.pk}" selected' in text(back)
    assert not Award.objects.exists()


def test_preview_warns_on_the_row_of_a_recipient_who_already_holds_the_badge(
    client, editor, badge_class
):
    award(badge_class, "Maja@Example.org")

    response = preview(client, badge_class, "maja@example.org\nluka@example.org")

    rows = response.context["rows"]
    assert rows[0].held is not None and rows[1].held is None
    body = text(response)
    assert 'id="held-1"' in body and "Already holds this badge" in body
    assert 'id="held-2"' not in body
    assert 'name="again" value="1"' in body
    assert 'name="again" value="2"' not in body


def test_a_revoked_award_is_not_held(client, editor, badge_class):
    revoke(award(badge_class, "maja@example.org"), "Mistake")

    response = preview(client, badge_class, "maja@example.org")

    assert response.context["rows"][0].held is None
    assert "Already holds this badge" not in text(response)


def test_a_holder_is_not_awarded_twice_unless_the_editor_ticks_award_again(
    client, editor, badge_class
):
    award(badge_class, "maja@example.org")
    rows = "maja@example.org\nluka@example.org"

    response = preview(client, badge_class, rows, confirm="1")

    assert response.status_code == 302
    assert Award.objects.filter(recipient_email__iexact="maja@example.org").count() == 1
    assert Award.objects.filter(recipient_email="luka@example.org").count() == 1

    again = preview(client, badge_class, rows + "\nana@example.org", confirm="1", again="1")

    assert again.status_code == 302
    assert Award.objects.filter(recipient_email__iexact="maja@example.org").count() == 2
    assert Award.objects.filter(recipient_email="luka@example.org").count() == 1, (
        "luka was not ticked: he keeps one badge"
    )
    assert Award.objects.filter(recipient_email="ana@example.org").count() == 1


def test_a_badge_sent_to_another_address_of_the_same_learner_counts_as_held(
    client, editor, badge_class, city
):
    maja = make_learner(site=city["site"])
    EmailAddress.objects.create(user=maja, email="maja.school@example.org", verified=True)
    award(badge_class, "maja.school@example.org")

    shown = preview(client, badge_class, "maja@example.org")
    assert shown.context["rows"][0].held is not None

    confirmed = preview(client, badge_class, "maja@example.org", confirm="1")

    assert confirmed.status_code == 302
    assert Award.objects.count() == 1, "she is skipped: she holds the badge"


# -- the awards list ---------------------------------------------------------------------------


def test_the_awards_list_names_the_status_and_counts_in_words(client, editor, badge_class):
    award(badge_class, "maja@example.org")
    revoke(award(badge_class, "luka@example.org"), "Mistake")

    response = client.get(reverse("cityoflearning_awards:index"))

    body = text(response)
    cells = re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", body, re.S)
    assert "False" not in cells and "True" not in cells
    assert "Revoked" in body and "Active" in body
    assert "2 awards" in body


def test_one_award_is_counted_in_the_singular(client, editor, badge_class):
    award(badge_class, "maja@example.org")

    body = text(client.get(reverse("cityoflearning_awards:index")))

    assert "1 award" in body and "1 awards" not in body


# -- the single award form: which learners it suggests ------------------------------------------


def suggested(response) -> set[str]:
    datalist = re.search(r"<datalist[^>]*>(.*?)</datalist>", text(response), re.S)
    if not datalist:
        return set()
    return set(re.findall(r'<option value="([^"]+)"', datalist.group(1)))


@pytest.fixture
def two_cities(city):
    cagliari = make_city(
        hostname="cagliari.example.org", language="it", is_default=False, name="Cagliari"
    )
    return city, cagliari


def test_a_city_editor_is_offered_only_the_learners_of_their_city(client, two_cities, badge_class):
    ljubljana, cagliari = two_cities
    make_learner("maja@example.org", site=ljubljana["site"], display_name="Maja")
    make_learner("giulia@example.org", site=cagliari["site"], display_name="Giulia")
    editor = get_user_model().objects.create_user("urednik", "urednik@example.org", "pw")
    editor.groups.add(roles.city_editors(ljubljana["site"]))
    sign_in(client, editor)

    response = client.get(reverse("cityoflearning_awards:add"))

    assert response.status_code == 200
    assert suggested(response) == {"maja@example.org"}
    assert 'label="Maja &lt;maja@example.org&gt;"' in text(response)
    assert 'list="id_recipient_email-learners"' in text(response)


def test_provider_staff_are_offered_only_their_participants(
    client, city, provider, opportunity, badge_class
):
    came = make_learner("maja@example.org", site=city["site"])
    make_learner("luka@example.org", site=city["site"])
    Attendance.objects.create(opportunity=opportunity, user=came, confirmed_at=timezone.now())
    badge_class.issuer.site = None
    badge_class.issuer.provider = provider
    badge_class.issuer.save()
    staff = get_user_model().objects.create_user("staff", "staff@example.org", "pw")
    staff.groups.add(roles.provider_staff(provider))
    sign_in(client, staff)

    response = client.get(reverse("cityoflearning_awards:add"))

    assert response.status_code == 200
    assert suggested(response) == {"maja@example.org"}


def test_an_address_without_an_account_can_still_be_typed(
    client, editor, badge_class, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cityoflearning_awards:add"),
            {"badge_class": badge_class.pk, "recipient_email": "someone.new@example.org"},
        )

    assert response.status_code == 302
    assert Award.objects.get().recipient_email == "someone.new@example.org"


# -- dates in the package's named formats --------------------------------------------------------


def test_the_awards_list_and_the_bulk_preview_show_dates_as_the_package_writes_them(
    client, django_user_model, badge_class
):
    editor = django_user_model.objects.create_superuser("urednica", "urednica@example.org", "pw")
    sign_in_slovenian(client, editor)
    held = award(badge_class, "maja@example.org")
    Award.objects.filter(pk=held.pk).update(
        issued_on=datetime(2026, 12, 14, 16, 0, tzinfo=LJUBLJANA)
    )

    listing = text(client.get(reverse("cityoflearning_awards:index")))
    bulk = text(preview(client, badge_class, "maja@example.org"))

    assert "14. decembra 2026, 16:00" in listing
    assert "14. december 2026" not in listing, "not Django's own Slovenian format"
    assert "14. decembra 2026" in bulk
    assert "14. december 2026" not in bulk and "14. 12." not in bulk


# -- an empty list in its own words -------------------------------------------------------------


def test_an_empty_claim_code_list_says_so_in_a_whole_sentence(client, django_user_model, city):
    editor = django_user_model.objects.create_superuser("urednica", "urednica@example.org", "pw")
    sign_in_slovenian(client, editor)

    body = text(client.get(reverse("cityoflearning_claim_codes:index")))

    assert in_slovenian("There are no claim codes yet.") in body
    assert in_slovenian("Add a claim code") in body
    # Not Wagtail's sentence with the model's name glued in, half in English.
    assert "to display" not in body and "Why not" not in body
    assert "Dodaj koda" not in body
