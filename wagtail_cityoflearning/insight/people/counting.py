"""What the learners', playlists' and badges' figures share: the learners a scope counts, the
awards and evidence it reaches, the months of its period and medians computed in the database.
"""

import datetime as dt

from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from wagtail.models import Page

from wagtail_cityoflearning.badges.models import Award, BadgeClass
from wagtail_cityoflearning.dates import format_date
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)

# -- whose figures -------------------------------------------------------------------------------


def issuer_q(scope, prefix: str = "badge_class__issuer__") -> Q:
    """A ``Q`` keeping what belongs to the scope's issuers (reached through ``prefix``): the
    issuers of the scope's providers and, for the whole city, the city's own issuer (and, on
    the default site, an issuer that names neither a city nor a provider, whose badges use the
    default site's address)."""
    q = Q(**{f"{prefix}provider__path__startswith": scope.root.path})
    if scope.is_city:
        q |= Q(**{f"{prefix}site": scope.site})
        if scope.site.is_default_site:
            q |= Q(**{f"{prefix}site__isnull": True, f"{prefix}provider__isnull": True})
    return q


def badge_classes(scope):
    """The ids of the badges of the scope's issuers, as a subquery."""
    return BadgeClass.objects.filter(issuer_q(scope, "issuer__")).values("pk")


def page_ids(scope):
    """The ids of the pages below the scope's root, as a subquery: looked up once, so that
    the rows of a big table are then found through their page's index."""
    return Page.objects.filter(scope.pages_q()).values("pk")


def awards(scope):
    """Every award of the scope's issuers, revoked or not, whenever issued."""
    return Award.objects.filter(badge_class_id__in=badge_classes(scope))


def enrolments(scope):
    """Enrolments in the scope's playlists (pages below the scope's root)."""
    return PlaylistEnrolment.objects.filter(playlist_id__in=page_ids(scope))


def evidence(scope):
    """Step progress in the scope's playlists."""
    return StepProgress.objects.filter(enrolment_id__in=enrolments(scope).values("pk"))


def learners(scope):
    """The learners a scope counts, with a profile made by the end of its period.

    For the city: the learners whose profile names the city. For a provider: any learner who,
    by the end of the period, saved or started one of its playlists (which is also where they
    send evidence), had attendance confirmed at one of its opportunities, or was awarded a
    badge of its issuer (to the address of their account). Nobody else is counted for a
    provider."""
    profiles = LearnerProfile.objects.filter(created_at__lt=scope.end_before)
    if scope.is_city:
        return profiles.filter(site=scope.site)
    before = scope.end_before
    enrolled = (
        enrolments(scope)
        .filter(Q(started_at__lt=before) | Q(saved_at__lt=before))
        .values("user_id")
    )
    attended = Attendance.objects.filter(
        opportunity_id__in=page_ids(scope), confirmed_at__lt=before
    ).values("user_id")
    awarded = (
        awards(scope)
        .filter(issued_on__lt=before, revoked=False)
        .order_by()
        .values("recipient_email")
    )
    return profiles.filter(
        Q(user_id__in=enrolled) | Q(user_id__in=attended) | Q(user__email__in=awarded)
    )


# -- the period ----------------------------------------------------------------------------------


def months(scope) -> list[dt.date]:
    """The first day of each month the period touches, in order."""
    month = scope.start.replace(day=1)
    found = []
    while month <= scope.end:
        found.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return found


def month_number(scope, field: str):
    """An expression: the position in :func:`months` of the month in which the datetime
    ``field`` falls (for rows in the period), in the city's time zone (as the period).

    Plain comparisons with each month's first moment, which every database evaluates fast
    (``TruncMonth`` on SQLite calls back into Python for every row)."""
    starts = months(scope)[1:]
    whens = [
        When(
            **{f"{field}__lt": dt.datetime.combine(start, dt.time.min, tzinfo=scope.tzinfo)},
            then=Value(number),
        )
        for number, start in enumerate(starts)
    ]
    return Case(*whens, default=Value(len(starts)), output_field=IntegerField())


def month_label(month: dt.date) -> str:
    return format_date(month, "month")


# -- medians -------------------------------------------------------------------------------------


class DaysBetween(Func):
    """The days (a float) from the datetime ``start`` to the datetime ``end``, computed by the
    database's own functions (Django's datetime subtraction calls back into Python for every
    row on SQLite)."""

    output_field = FloatField()
    arity = 2

    def __init__(self, end, start):
        super().__init__(F(end), F(start))

    def as_sql(self, compiler, connection, **extra_context):
        return self.as_sql_template(
            compiler, connection, "(TIMESTAMPDIFF(MICROSECOND, %(start)s, %(end)s) / 86400e6)"
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql_template(
            compiler, connection, "(julianday(%(end)s) - julianday(%(start)s))"
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql_template(
            compiler, connection, "(EXTRACT(EPOCH FROM (%(end)s - %(start)s)) / 86400.0)"
        )

    def as_oracle(self, compiler, connection, **extra_context):
        return self.as_sql_template(
            compiler, connection, "(CAST(%(end)s AS DATE) - CAST(%(start)s AS DATE))"
        )

    def as_sql_template(self, compiler, connection, template):
        end_sql, end_params = compiler.compile(self.source_expressions[0])
        start_sql, start_params = compiler.compile(self.source_expressions[1])
        sql = template % {"end": end_sql, "start": start_sql}
        return sql, (*end_params, *start_params)


def duration(end: str, start: str):
    """The days from ``start`` to ``end`` (two datetime fields), in the database."""
    return DaysBetween(end, start)


def medians(queryset, value, partition: str | None = None) -> dict:
    """The median of ``value`` (an expression) over ``queryset``, in one query on any database
    with window functions (SQLite 3.25+, PostgreSQL): each row is numbered in order of the
    value within its group, and only the one or two middle rows are fetched.

    Returns ``{group: (count, median)}`` (the group is the value of the field ``partition``,
    or ``None`` without one); a group without rows is missing."""
    partition_by = [F(partition)] if partition else None
    middle = (
        queryset.order_by()
        .annotate(_value=value)
        .annotate(
            _count=Window(Count("pk"), partition_by=partition_by),
            _number=Window(RowNumber(), partition_by=partition_by, order_by=F("_value").asc()),
        )
        .filter(_number__gte=F("_count") / 2.0, _number__lte=F("_count") / 2.0 + 1)
    )
    if partition:
        rows = middle.values_list(partition, "_count", "_value")
    else:
        rows = ((None, count, amount) for count, amount in middle.values_list("_count", "_value"))
    found = {}
    for group, count, amount in rows:
        found.setdefault(group, (count, []))[1].append(amount)
    return {key: (count, middle_of(values)) for key, (count, values) in found.items()}


def middle_of(values):
    """The median of one or two middle values."""
    return values[0] if len(values) == 1 else (values[0] + values[1]) / 2


def days(value) -> float | None:
    """A number of days, to one decimal place."""
    if value is None:
        return None
    return round(float(value), 1)
