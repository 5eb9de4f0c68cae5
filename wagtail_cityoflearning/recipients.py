"""May a badge go to this address on this Site? The question the core and the badges ask; the
apps that know the people behind addresses answer it through Wagtail hooks.

The badges' app asks before every award it makes for someone else (an editor's award, a bulk
award, a claim code); the learners' app answers for its learners (nothing is stored for a
learner below the city's age of digital consent without a guardian's consent for that city).
Without such an app every address may receive.

Hooks:

- ``cityoflearning_recipient_may_receive(email, site) -> bool``: False refuses.
- ``cityoflearning_claim_refusal(request, site, claim_code) -> HttpResponse | None``: for the
  signed-in person on a claim page, the page explaining why they may not claim yet, if so.
"""

from wagtail import hooks


def recipient_may_receive(email: str, site) -> bool:
    """False when an app refuses to let ``email`` receive a badge on ``site``."""
    return all(
        answer(email, site) for answer in hooks.get_hooks("cityoflearning_recipient_may_receive")
    )


def claim_refusal(request, site, claim_code):
    """The first refusal an app gives the person claiming ``claim_code``, else None."""
    for refuse in hooks.get_hooks("cityoflearning_claim_refusal"):
        response = refuse(request, site, claim_code)
        if response is not None:
            return response
    return None
