"""Serializers for the Wagtail API v2 fields of the package's pages."""

from rest_framework import serializers

from wagtail_cityoflearning.models.taxonomy import Interest


class InterestSerializer(serializers.ModelSerializer):
    class Meta:
        model = Interest
        fields = ["id", "name", "slug", "colour", "icon"]
