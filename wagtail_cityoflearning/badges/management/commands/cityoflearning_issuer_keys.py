import uuid

from django.core.management.base import BaseCommand, CommandError

from wagtail_cityoflearning.badges.models import Issuer, IssuerKey
from wagtail_cityoflearning.badges.signing import generate_key


class Command(BaseCommand):
    help = (
        "Generate new signing keys for an issuer (by name or UUID): an RSA key for Open Badges "
        "2.0 signed assertions and an Ed25519 key for Open Badges 3.0 credentials (or only one "
        "of them with --algorithm). The previous keys are retired but stay published (the "
        "Ed25519 ones in the issuer's DID document), so badges signed with them still verify. "
        "Private keys are stored in the database and never served."
    )

    def add_arguments(self, parser):
        parser.add_argument("issuer", help="Issuer name or UUID")
        parser.add_argument("--bits", type=int, default=2048, choices=[2048, 3072, 4096])
        parser.add_argument(
            "--algorithm",
            choices=["all", IssuerKey.Algorithm.RS256, IssuerKey.Algorithm.ED25519],
            default="all",
            help="Which key to replace (default: both)",
        )

    def handle(self, *args, issuer, bits, algorithm, **options):
        try:
            matches = Issuer.objects.filter(uuid=uuid.UUID(issuer))
        except ValueError:
            matches = Issuer.objects.filter(name=issuer)
        if matches.count() != 1:
            raise CommandError(f"No single issuer matches {issuer!r}.")
        instance = matches.get()
        algorithms = (
            [IssuerKey.Algorithm.RS256, IssuerKey.Algorithm.ED25519]
            if algorithm == "all"
            else [algorithm]
        )
        for name in algorithms:
            key = generate_key(instance, bits=bits, algorithm=name)
            self.stdout.write(f"New {name} key {key.uuid} for {key.issuer}; older ones retired.")
