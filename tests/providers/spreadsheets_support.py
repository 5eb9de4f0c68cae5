"""Helpers of the spreadsheet tests: sheets written as a provider's staff would, uploads
through the admin, the users of each role."""

import csv
import io

import tablib
from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail_cityoflearning import roles

INDEX = "wagtail_cityoflearning_spreadsheets:index"
HEADERS = [
    "External id",
    "Title",
    "Summary",
    "Type",
    "Interests",
    "Sessions",
    "Mode",
    "Address",
    "Latitude",
    "Longitude",
    "Minimum age",
    "Maximum age",
    "Free",
    "Price",
]


def good_row(n=1, **cells):
    row = {
        "External id": f"ext-{n}",
        "Title": f"Robotics {n}",
        "Summary": "Build a robot.",
        "Type": "Course or workshop",
        "Interests": "Music, science-technology",
        "Sessions": "2027-02-02 16:00-17:30\n2027-02-09 16:00-17:30\n2027-02-16 16:00-17:30",
        "Mode": "In person",
        "Address": "Trubarjeva cesta 1, Ljubljana",
        "Latitude": "46.0514",
        "Longitude": "14.5060",
        "Minimum age": "13",
        "Maximum age": "18",
        "Free": "yes",
        "Price": "",
    }
    row.update(cells)
    return row


def csv_bytes(rows, headers=None, bom=True, encoding="utf-8"):
    headers = headers or list(rows[0]) if rows else headers or HEADERS
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(h, "") for h in headers])
    text = out.getvalue()
    return (("\ufeff" if bom else "") + text).encode(encoding)


def xlsx_bytes(rows):
    headers = list(rows[0])
    data = tablib.Dataset(headers=headers)
    for row in rows:
        data.append([row[h] for h in headers])
    return data.export("xlsx")


def upload(client, content, name="sheet.csv", provider=None, follow=True):
    file = io.BytesIO(content)
    file.name = name
    data = {"file": file}
    if provider is not None:
        data["provider"] = provider.pk
    return client.post(reverse(INDEX), data, follow=follow)


def staff_of(provider, username="staff"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(roles.provider_staff(provider))
    return user


def editor_of(site, username="editor"):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(roles.city_editors(site))
    return user
