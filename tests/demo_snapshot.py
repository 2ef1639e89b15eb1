"""The demo content, loaded once per test run and copied back for every later test that asks for it.

``load_demo`` builds some 1,200 pages, translations, aliases and their search index (half a minute
or more); twenty-odd tests need that content. The first such test loads it and takes a snapshot of
every table, rows as the database stores them; each later one gets the same rows copied back inside
its own transaction (rolled back at its end like any test's changes), in well under a second.

The copy is exact: SQLite rows are read and written as stored, not as Python values (the search
index's full-text table follows its index table by triggers); PostgreSQL tables go through ``COPY`` in its text format. Sequences are
left where they are (they only ever grow, so new rows never meet a restored id). A test that
created rows of its own before asking for the demo gets a real ``load_demo`` on top of them, as
before: the snapshot is only used on a database in the state the first load started from, or on
one a transactional test emptied (``ensure_tree_root``).
"""

import io

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from wagtail.models import Collection, Locale, Page

SKIPPED = {"django_migrations"}
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")

_snapshot = None  # (database vendor and name, row counts before the load, rows per table)
_output = io.StringIO()  # what the last real load printed


def output():
    """What the run's last real ``load_demo`` printed (its steps and progress)."""
    return _output.getvalue()


def load():
    """Load the demo into the test database (by a snapshot when one fits)."""
    global _snapshot
    flushed = ensure_tree_root()
    key = (connection.vendor, connection.settings_dict["NAME"])
    tables = _tables()
    counts = _counts(tables)
    if _snapshot is not None and _snapshot[0] == key and (flushed or _snapshot[1] == counts):
        _restore(tables, _snapshot[2])
        # An emptied database got its content types again under new ids, which Django keeps in
        # memory; the copy brings back the snapshot's (the reference index names them).
        ContentType.objects.clear_cache()
        return
    _output.seek(0)
    _output.truncate()
    call_command("load_demo", no_admin=True, stdout=_output)
    if _snapshot is None or _snapshot[0] != key:
        _snapshot = (key, counts, _dump(tables))


def ensure_tree_root():
    """Put back the page tree's root, the default locale and the root collection that Wagtail's
    migrations create; true when they were missing (an emptied database).

    A transactional test (``django_db(transaction=True)``) ends by emptying every table, and the
    tests that run after it without a ``django_db`` mark of their own (a module-scoped fixture
    such as the static export's) or with a transaction of their own would otherwise find no tree
    to build on. On such a database the snapshot is copied back whole: it holds every table."""
    if Page.objects.filter(depth=1).exists():
        return False
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    Page.add_root(title="Root", slug="root", locale=locale)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return True


def _tables():
    with connection.cursor() as cursor:
        names = set(connection.introspection.table_names(cursor, include_views=False)) - SKIPPED
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = {row[0] for row in cursor.fetchall()}
            # The search index's full-text table (and its shadow tables) is kept by triggers on
            # the index table: deleting and inserting index rows rebuilds it.
            names -= virtual | {f"{table}{suffix}" for table in virtual for suffix in FTS_SHADOW_SUFFIXES}
    return sorted(names)


def _counts(tables):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 - names from the schema
            counts[table] = cursor.fetchone()[0]
    return counts


def _sqlite_columns(cursor, table):
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} LIMIT 0")  # noqa: S608
    return [connection.ops.quote_name(column[0]) for column in cursor.description]


def _dump(tables):
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in tables:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                    rows[table] = b"".join(bytes(block) for block in copy)
            else:
                columns = _sqlite_columns(cursor, table)
                # ``+column`` (a no-op) hides the declared type: values come as stored, not
                # converted into Python dates and times that could not be written back.
                read = ", ".join(f"+{column}" for column in columns)
                cursor.execute(f"SELECT {read} FROM {quote(table)}")  # noqa: S608
                rows[table] = (columns, cursor.fetchall())
    return rows


def _restore(tables, rows):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One TRUNCATE for all: the tables refer to each other; the test's rollback undoes it.
            # Deferred foreign-key checks still pending in the transaction run first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in tables)}")
            for table in tables:
                if rows[table]:
                    with cursor.cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                        copy.write(rows[table])
            return
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
        for table in tables:
            columns, values = rows[table]
            if values:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                    values,
                )
