"""The hosted Open Badges 2.0 ``Endorsement``: JSON at its ``id``, on the endorser's Site only
(like every badge document, see :mod:`.views`); 410 Gone once withdrawn."""

from django.shortcuts import get_object_or_404

from wagtail_cityoflearning.badges import endorsements
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.views import check_site, json_response


def endorsement(request, uuid):
    instance = get_object_or_404(
        Endorsement.objects.select_related("endorser__site", "badge_class__issuer__site"),
        uuid=uuid,
    )
    check_site(request, instance.endorser)
    if instance.revoked:
        return json_response(request, endorsements.withdrawn_endorsement_json(instance), status=410)
    return json_response(request, endorsements.endorsement_json(instance))
