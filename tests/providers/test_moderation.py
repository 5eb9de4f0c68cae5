"""The City review: the city's setting assigns Wagtail's workflow and takes the right to publish
from providers' staff; they submit, the city's editors approve or ask for changes with a
comment, the live page stays live meanwhile, and each city sees only its own queue."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage, WorkflowState

from tests.factories import make_city, make_opportunity, make_provider
from tests.providers.language import slovenian
from wagtail_cityoflearning import roles
from wagtail_cityoflearning.providers.moderation.review import city_review_workflow
from wagtail_cityoflearning.providers.settings import ProviderSettings
from wagtail_cityoflearning.providers.signals import provider_onboarded

pytestmark = pytest.mark.django_db
HOST = {"HTTP_HOST": "localhost"}
QUEUE = "cityoflearning_city_review:index"


def user_in(group, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(group)
    return user


def may_publish(group, page) -> bool:
    return GroupPagePermission.objects.filter(
        group=group, page=page, permission__codename="publish_page"
    ).exists()


def set_review(site, on: bool):
    settings = ProviderSettings.for_site(site)
    settings.review_provider_edits = on
    settings.save()


@pytest.fixture
def world():
    lj = make_city()
    ca = make_city("cagliari.localhost", "it", is_default=False, name="Cagliari")
    provider = make_provider(lj, title="Maker lab")
    other = make_provider(lj, title="Youth centre")
    ca_provider = make_provider(ca, title="Fab lab")
    opportunity = make_opportunity(
        provider, [lj["interests"]["science-technology"]], title="Robots"
    )
    staff_group = roles.provider_staff(provider)
    return {
        "lj": lj,
        "ca": ca,
        "provider": provider,
        "other": other,
        "ca_provider": ca_provider,
        "opportunity": opportunity,
        "staff_group": staff_group,
        "other_group": roles.provider_staff(other),
        "ca_group": roles.provider_staff(ca_provider),
        "staff": user_in(staff_group, "staff"),
        "editor": user_in(roles.city_editors(lj["site"]), "editor-lj"),
        "ca_editor": user_in(roles.city_editors(ca["site"]), "editor-ca"),
    }


def test_switching_the_review_on_and_off(world):
    lj, ca = world["lj"], world["ca"]
    set_review(lj["site"], True)
    set_review(ca["site"], False)

    workflow = city_review_workflow(lj["site"], create=False)
    assert workflow.name == slovenian("City review")  # named in the city's language
    assert WorkflowPage.objects.get(page=lj["index"]).workflow == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [roles.city_editors(lj["site"])]
    assert world["opportunity"].get_workflow() == workflow
    assert not may_publish(world["staff_group"], world["provider"])
    assert not may_publish(world["other_group"], world["other"])
    # Cagliari does not review: its staff still publish, and it has no workflow of its own.
    assert may_publish(world["ca_group"], world["ca_provider"])
    assert not WorkflowPage.objects.filter(page=ca["index"]).exists()

    set_review(lj["site"], False)
    assert not WorkflowPage.objects.filter(page=lj["index"]).exists()
    assert may_publish(world["staff_group"], world["provider"])
    assert may_publish(world["other_group"], world["other"])

    set_review(lj["site"], True)  # the same workflow again, not a second one
    assert city_review_workflow(lj["site"], create=False) == workflow
    assert WorkflowPage.objects.get(page=lj["index"]).workflow == workflow


def test_a_newly_onboarded_provider_submits_too(world):
    lj = world["lj"]
    set_review(lj["site"], True)
    newcomer = make_provider(lj, title="Library")
    group = roles.provider_staff(newcomer)
    assert may_publish(group, newcomer)

    provider_onboarded.send(sender=None, provider=newcomer, group=group, site=lj["site"])
    assert not may_publish(group, newcomer)


def test_the_roles_command_keeps_the_review(world):
    lj = world["lj"]
    set_review(lj["site"], True)
    set_review(world["ca"]["site"], False)
    call_command("cityoflearning_roles", stdout=io.StringIO())
    assert not may_publish(world["staff_group"], world["provider"])
    assert may_publish(world["ca_group"], world["ca_provider"])


def submit(page, user, title):
    """What "Submit to City review" in the page editor does."""
    page = page.specific
    page.title = title
    revision = page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return revision


def test_staff_submit_instead_of_publishing(world, client):
    set_review(world["lj"]["site"], True)
    client.force_login(world["staff"])
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[world["opportunity"].pk]), **HOST
    )
    assert response.status_code == 200
    content = response.content.decode()
    submit_button = 'name="action-submit"'
    assert submit_button in content and slovenian("City review") in content
    assert 'name="action-publish"' not in content

    set_review(world["lj"]["site"], False)
    response = client.get(
        reverse("wagtailadmin_pages:edit", args=[world["opportunity"].pk]), **HOST
    )
    assert 'name="action-publish"' in response.content.decode()


def workflow_action(client, page, action, comment=""):
    state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk]),
        {"comment": comment},
        **HOST,
    )


def test_editor_approves_and_the_live_page_stays_live_meanwhile(world, client):
    set_review(world["lj"]["site"], True)
    opportunity = world["opportunity"]
    submit(opportunity, world["staff"], "Robots and drones")

    public = client.get(opportunity.url, **HOST)
    assert public.status_code == 200
    assert "Robots" in public.content.decode()
    assert "Robots and drones" not in public.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.live and opportunity.title == "Robots"

    client.force_login(world["editor"])
    queue = client.get(reverse(QUEUE), **HOST).content.decode()
    assert "Robots and drones" in queue
    assert "Maker lab" in queue  # the provider
    assert "staff" in queue  # submitted by
    response = workflow_action(client, opportunity, "approve", "Looks good.")
    assert response.status_code in (200, 302)

    opportunity.refresh_from_db()
    assert opportunity.title == "Robots and drones" and opportunity.live
    state = Page.objects.get(pk=opportunity.pk).workflow_states.get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.current_task_state.comment == "Looks good."
    client.logout()
    assert "Robots and drones" in client.get(opportunity.url, **HOST).content.decode()


def test_editor_asks_for_changes_with_a_comment(world, client):
    set_review(world["lj"]["site"], True)
    opportunity = world["opportunity"]
    submit(opportunity, world["staff"], "Robots!!!")

    client.force_login(world["editor"])
    workflow_action(client, opportunity, "reject", "Please no exclamation marks.")
    opportunity.refresh_from_db()
    assert opportunity.title == "Robots" and opportunity.live
    state = Page.objects.get(pk=opportunity.pk).workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please no exclamation marks."
    assert "Robots!!!" not in client.get(reverse(QUEUE), **HOST).content.decode()

    # The staff member reads the comment in the page's editor and may submit again.
    client.force_login(world["staff"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk]), **HOST)
    content = editor.content.decode()
    assert "Please no exclamation marks." in content
    assert 'name="action-submit"' in content


def test_the_other_city_neither_sees_nor_approves(world, client):
    set_review(world["lj"]["site"], True)
    opportunity = world["opportunity"]
    submit(opportunity, world["staff"], "Robots and drones")

    client.force_login(world["ca_editor"])
    queue = client.get(reverse(QUEUE), **HOST)
    assert queue.status_code == 200
    assert "Robots and drones" not in queue.content.decode()
    response = workflow_action(client, opportunity, "approve", "Mine now")
    assert response.status_code in (302, 403, 404)
    opportunity.refresh_from_db()
    assert opportunity.title == "Robots"
    assert (
        Page.objects.get(pk=opportunity.pk).workflow_states.get().status
        == WorkflowState.STATUS_IN_PROGRESS
    )


def test_queue_scope_and_menu_count(world, client):
    set_review(world["lj"]["site"], True)
    set_review(world["ca"]["site"], True)
    submit(world["opportunity"], world["staff"], "Robots and drones")
    ca_staff = user_in(world["ca_group"], "staff-ca")
    submit(world["ca_provider"], ca_staff, "Fab lab Cagliari")

    client.force_login(world["editor"])
    dashboard = client.get(reverse("wagtailadmin_home"), **HOST).content.decode()
    # The menu item with the number waiting, in the sidebar's JSON.
    menu_label = slovenian("%(label)s (%(count)s)", label=slovenian("City review"), count=1)
    assert json.dumps(menu_label) in dashboard
    queue = client.get(reverse(QUEUE), **HOST).content.decode()
    assert "Robots and drones" in queue and "Fab lab Cagliari" not in queue

    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(superuser)
    queue = client.get(reverse(QUEUE), **HOST).content.decode()
    assert "Robots and drones" in queue and "Fab lab Cagliari" in queue

    client.force_login(world["staff"])  # provider staff have no queue
    dashboard = client.get(reverse("wagtailadmin_home"), **HOST).content.decode()
    assert slovenian("City review") not in dashboard
    assert client.get(reverse(QUEUE), **HOST).status_code == 200
    assert "Robots and drones" not in client.get(reverse(QUEUE), **HOST).content.decode()


def test_pages_outside_the_providers_are_not_reviewed(world):
    set_review(world["lj"]["site"], True)
    home = Page.objects.get(pk=world["lj"]["home"].pk)
    assert home.get_workflow() != city_review_workflow(world["lj"]["site"], create=False)
