"""A learner's verified email addresses: the only ones their badges and credit follow."""

from allauth.account.models import EmailAddress


def learner_emails(user) -> set[str]:
    """The learner's verified addresses: the only ones their badges and credit follow.

    The account's own address counts once it is verified (allauth records that), so
    signing up with someone else's address shows none of their badges.
    """
    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
