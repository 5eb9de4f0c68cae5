"""Work in progress."""

from django import forms


class LearnerSignupForm(forms.Form):
    def signup(self, request, user):
        pass
