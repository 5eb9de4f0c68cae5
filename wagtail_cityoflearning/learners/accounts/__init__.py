"""Accounts and consent: the learner's profile, a guardian's consent per city, allauth's adapter
and the forms of sign-up and profile. The lowest room of the learners' app."""
