"""A learner's email addresses: all of the account's, and the verified ones, the only ones
their badges and credit follow."""

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


def account_emails(user) -> set[str]:
    """Every address of the account, verified or not."""
    if user is None or user.pk is None:
        return set()
    emails = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    if user.email:
        emails.add(user.email)
    return emails
