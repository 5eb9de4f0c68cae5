import uuid

from django.core.management.base import BaseCommand, CommandError

from wagtail_cityoflearning.badges.models import Issuer
from wagtail_cityoflearning.badges.signing import generate_key


class Command(BaseCommand):
    help = (
        "Generate a new signing key for an issuer (by name or UUID). The previous key is "
        "retired but stays published, so badges signed with it still verify. The private key "
        "is stored in the database and never served."
    )

    def add_arguments(self, parser):
        parser.add_argument("issuer", help="Issuer name or UUID")
        parser.add_argument("--bits", type=int, default=2048, choices=[2048, 3072, 4096])

    def handle(self, *args, issuer, bits, **options):
        try:
            matches = Issuer.objects.filter(uuid=uuid.UUID(issuer))
        except ValueError:
            matches = Issuer.objects.filter(name=issuer)
        if matches.count() != 1:
            raise CommandError(f"No single issuer matches {issuer!r}.")
        key = generate_key(matches.get(), bits=bits)
        self.stdout.write(f"New key {key.uuid} for {key.issuer}; older keys retired.")
