"""The email telling a learner how their evidence was reviewed, in their own language, from
the city of the playlist (:mod:`wagtail_cityoflearning.mail`)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from wagtail_cityoflearning.languages import site_language
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.progress.links import step_url
from wagtail_cityoflearning.learners.progress.models import StepProgress
from wagtail_cityoflearning.mail import city_email, site_display_name


def learner_language(user, playlist=None) -> str:
    """The learner's preferred language, else their city's, else the playlist's."""
    profile = LearnerProfile.objects.select_related("site__root_page").for_user(user)
    if profile is not None:
        if profile.preferred_language:
            return profile.preferred_language
        if profile.site is not None:
            return site_language(profile.site)
    if playlist is not None:
        return playlist.locale.language_code
    return settings.LANGUAGE_CODE


def send_review_email(progress: StepProgress) -> None:
    """Tell the learner their evidence was approved, or what to change."""
    user = progress.enrolment.user
    if not user.email:
        return
    playlist = progress.enrolment.playlist.specific
    step = playlist.get_step(progress.step_id) if hasattr(playlist, "get_step") else None
    profile = LearnerProfile.objects.for_user(user)
    url = step_url(playlist, progress.step_id, full=True) if step else ""
    site = playlist.get_site() or (profile.site if profile is not None else None)
    with translation.override(learner_language(user, playlist)):
        site_name = site_display_name(site)
        context = {
            "site_name": site_name,
            "progress": progress,
            "approved": progress.status == StepProgress.Status.APPROVED,
            "playlist": playlist,
            "step_title": step.title if step else playlist.title,
            "display_name": profile.display_name if profile else "",
            "feedback": progress.feedback,
            "url": url or playlist.full_url or "",
        }
        subject = render_to_string(
            "wagtail_cityoflearning/learners/email/review_subject.txt", context
        ).strip()
        body = render_to_string("wagtail_cityoflearning/learners/email/review_body.txt", context)
        message = city_email(site_name, subject, body, [user.email])
    message.send()
