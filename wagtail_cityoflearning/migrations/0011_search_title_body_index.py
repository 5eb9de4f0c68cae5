"""PostgreSQL only: an index for the text Wagtail's database search backend matches.

On PostgreSQL that backend matches a query against ``title || body`` of Wagtail's search index
table, and the table's own GIN indexes are on each column alone, which the expression cannot
use: every text search (the map's ``?q=``, the site's search) read the whole table. This GIN
index on the expression lets PostgreSQL find the matches from an index. Nothing is done on
other databases (SQLite's backend answers from its FTS5 table).
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
INDEX = "col_search_title_body"


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if TABLE in tables:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "{TABLE}" USING gin (("title" || "body"))'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_cityoflearning", "0010_map_date_window_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
