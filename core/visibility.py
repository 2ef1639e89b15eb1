"""The one rule for "may this reader see this page", for every surface of the site.

A page is visible to a reader when

1. it is live and is not an alias (aliases are placeholders for untranslated pages: listings,
   feeds, the sitemap and the API show the page of their own, never the placeholder; an alias is
   still *served* at its address, with the privacy of its original),
2. every ancestor below the tree root is live (a live page under an unpublished section is
   hidden, although Wagtail would route to it), and
3. every view restriction on the page or an ancestor accepts the reader, as Wagtail judges it
   when it serves the page: ``login`` needs a logged-in user, ``groups`` a member of one of the
   groups (superusers pass), ``password`` the password entered in this session.

Surfaces judge either a reader (``Visibility.for_request(request)``: HTML listings and details,
site search) or the public (``Visibility.public()``: the API, feeds, the sitemap, the newsletter
export and anything cached or exported for everyone). Both forms answer the same two questions:

- ``filter(queryset, prefix="")``: a queryset without rows whose page the reader may not see;
  ``prefix`` names the page relation of a non-page model (``"event__"`` for occurrences);
- ``can_view(page)``: the same answer for one page in memory, without a query.

Teasers: nothing a reader may not open is shown to them by title, text or document, anywhere.
Listings that leave restricted items out may say *how many* they left out with a login link
(``hidden_count``); password-protected pages are never counted, since logging in does not open them.

Cost: two queries per visibility (view restrictions with their groups, and the sections that are
not live), three when the reader is logged in; the result is kept on the request, and
``Visibility.public()`` is cached across requests until a restriction or a publication changes.
"""

import contextlib
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import BooleanField, Expression, F, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

REQUEST_ATTRIBUTE = "_museumsite_visibility"
PATH_MAX_LENGTH = Page._meta.get_field("path").max_length
# The entry's shape is part of its key: a release that changes the shape changes the suffix, so
# that the processes of two releases sharing one cache during a deploy never read each other's
# entries (an earlier release stored ``(restrictions, hidden)`` under the bare name: read as
# ``(token, state)`` by the next release, it failed every request until the entry expired).
PUBLIC_CACHE_KEY = "core.visibility.public.v2"
PUBLIC_CACHE_SECONDS = 3600
# The public ``Visibility`` this process built last, by the token of the cached state it came from.
_public_built = {}


@dataclass(frozen=True)
class Restriction:
    """A view restriction reduced to what the rule needs (picklable, for the cache)."""

    id: int
    path: str
    kind: str
    group_ids: frozenset


def _load_restrictions():
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return [
        Restriction(
            id=restriction.pk,
            path=restriction.page.path,
            kind=restriction.restriction_type,
            group_ids=frozenset(group.pk for group in restriction.groups.all()),
        )
        for restriction in restrictions.only("id", "restriction_type", "page__path")
    ]


def _load_hidden_sections():
    """Paths of pages that are not live but have pages below them (their subtree is hidden)."""
    return sorted(Page.objects.filter(live=False, numchild__gt=0, depth__gt=1).values_list("path", flat=True))


def _outermost(paths):
    """``paths`` without those inside another one of them (fewer conditions for the database)."""
    result = []
    for path in sorted(set(paths)):
        if not any(path.startswith(kept) for kept in result):
            result.append(path)
    return result


def _range_end(path):
    return path + "Z" * (PATH_MAX_LENGTH - len(path))


class UnderPaths(Expression):
    """True for rows whose ``path`` column is one of ``paths`` or below one of them.

    One range per path (``path BETWEEN 'p' AND 'pZZZ…'``): tree paths are upper-case letters and
    digits, so a page is at or below ``p`` exactly when its path falls in that range (letters
    after digits, as in byte order and the usual collations). A range is one comparison pair per
    row instead of a pattern match, and a database answers it from the path index (e.g. "the
    pages under these restrictions" without reading every page of the site).

    Written as one expression rather than a ``Q`` of ranges because Django builds and compiles
    a ``Q`` per range on every query: with the demo's 22 restrictions that was about 2 ms of
    Python for each listing, detail section and API list, several times per page."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, paths, field="path"):
        super().__init__(output_field=BooleanField())
        self.paths = tuple(paths)
        self.column = F(field) if isinstance(field, str) else field

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        if not self.paths:
            return "1 = 0", []
        column, column_params = compiler.compile(self.column)
        conditions, params = [], []
        for path in self.paths:
            conditions.append(f"{column} BETWEEN %s AND %s")
            params += [*column_params, path, _range_end(path)]
        return "(" + " OR ".join(conditions) + ")", params


class AliasUnderPaths(Expression):
    """True for aliases whose original page is one of ``paths`` or below one (one subquery on
    the page table, written directly for the reason ``UnderPaths`` gives)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, paths, field="alias_of_id"):
        super().__init__(output_field=BooleanField())
        self.paths = tuple(paths)
        self.column = F(field) if isinstance(field, str) else field

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        if not self.paths:
            return "1 = 0", []
        column, column_params = compiler.compile(self.column)
        qn = connection.ops.quote_name
        inner = qn("visibility_original")
        ranges = " OR ".join(f"{inner}.{qn('path')} BETWEEN %s AND %s" for _ in self.paths)
        params = [*column_params]
        for path in self.paths:
            params += [path, _range_end(path)]
        table = qn(Page._meta.db_table)
        subquery = f"SELECT {inner}.{qn('id')} FROM {table} {inner} WHERE {ranges}"
        return f"({column} IS NOT NULL AND {column} IN ({subquery}))", params


class PageUnderPaths(Expression):
    """True for rows whose page (by its id in ``field``) is one of ``paths`` or below one, or,
    with ``alias_field`` (the row's ``alias_of_id``), an alias whose original is:
    ``id IN (SELECT id FROM page WHERE <ranges>) OR alias_of_id IN (<the same>)``.

    What a listing excludes (``Visibility.hidden_q``). Written as a subquery on the page table
    rather than the ranges on the row (``UnderPaths``) because a database answers the subquery
    once, from the path index, and then drives the listing from its own table and indexes; with
    the ranges on every row, PostgreSQL read the whole page table to test each one (a museum
    list at 5,000 museums: 60 ms a query with the demo's 33 closed sections, 27 ms so). The
    alias test is a second subquery on the row on SQLite (inside the first, SQLite could not use
    the path index and read the page table) and inside the first on PostgreSQL (as a second,
    PostgreSQL took four times longer on the finder's combined filters)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, paths, field="id", *, alias_field=None):
        super().__init__(output_field=BooleanField())
        self.paths = tuple(paths)
        self.column = F(field) if isinstance(field, str) else field
        self.alias = F(alias_field) if isinstance(alias_field, str) else alias_field

    def get_source_expressions(self):
        return [self.column] if self.alias is None else [self.column, self.alias]

    def set_source_expressions(self, exprs):
        if self.alias is None:
            (self.column,) = exprs
        else:
            self.column, self.alias = exprs

    def as_sql(self, compiler, connection):
        if not self.paths:
            return "1 = 0", []
        qn = connection.ops.quote_name
        table, inner = qn(Page._meta.db_table), qn("visibility_hidden")
        ranges = " OR ".join(f"{inner}.{qn('path')} BETWEEN %s AND %s" for _ in self.paths)
        range_params = [value for path in self.paths for value in (path, _range_end(path))]
        subquery = f"SELECT {inner}.{qn('id')} FROM {table} {inner} WHERE {ranges}"
        column, params = compiler.compile(self.column)
        if self.alias is not None and connection.vendor == "postgresql":
            # PostgreSQL plans the alias test best inside the subquery (one hashed set of ids).
            original = qn("visibility_original")
            inner_ranges = ranges.replace(inner, original)
            sql = (
                f"{column} IN ({subquery} OR ({inner}.{qn('alias_of_id')} IS NOT NULL AND "
                f"{inner}.{qn('alias_of_id')} IN (SELECT {original}.{qn('id')} FROM {table} {original} "
                f"WHERE {inner_ranges})))"
            )
            return sql, [*params, *range_params, *range_params]
        sql, params = f"{column} IN ({subquery})", [*params, *range_params]
        if self.alias is not None:
            alias, alias_params = compiler.compile(self.alias)
            sql = f"({sql} OR ({alias} IS NOT NULL AND {alias} IN ({subquery})))"
            params += [*alias_params, *range_params]
        return sql, params


def paths_q(paths, prefix="", *, joined=False):
    """A ``Q`` matching rows whose page (at ``prefix``) is one of ``paths`` or below one (see
    ``UnderPaths``). Empty ``paths`` give an empty ``Q``, which matches every row.

    On the row's own ``path`` column this is one ``UnderPaths`` expression, and through a
    relation (``prefix``) when the caller says the related row is always there (``joined``:
    e.g. the query requires ``{prefix}live``). Otherwise it stays a ``Q`` of ranges, so that
    Django keeps its own handling of joins that may be null under ``exclude``."""
    paths = list(paths)
    if not paths:
        return Q()
    if not prefix or joined:
        return Q(UnderPaths(paths, f"{prefix}path"))
    q = Q()
    for path in paths:
        q |= Q(**{f"{prefix}path__range": (path, _range_end(path))})
    return q


class Visibility:
    """What one reader may see (see the module's documentation)."""

    def __init__(self, restrictions, hidden_sections, *, user=None, passed_restriction_ids=()):
        self.user = user
        self.restrictions = restrictions
        self.hidden_sections = list(hidden_sections)
        authenticated = bool(user is not None and user.is_authenticated)
        superuser = authenticated and user.is_superuser
        group_ids = set()
        if (
            authenticated
            and not superuser
            and any(r.kind == BaseViewRestriction.GROUPS for r in restrictions)
        ):
            group_ids = set(user.groups.values_list("pk", flat=True))
        passed = set(passed_restriction_ids)

        def accepts(restriction):
            if restriction.kind == BaseViewRestriction.LOGIN:
                return authenticated
            if restriction.kind == BaseViewRestriction.GROUPS:
                return superuser or bool(group_ids & restriction.group_ids)
            if restriction.kind == BaseViewRestriction.PASSWORD:
                return restriction.id in passed
            return True

        self.closed_restrictions = [r for r in restrictions if not accepts(r)]
        self.closed_paths = _outermost([r.path for r in self.closed_restrictions] + self.hidden_sections)
        self.restricted_paths = _outermost([r.path for r in restrictions])

    # --- construction -------------------------------------------------------------------------

    @classmethod
    def public(cls):
        """What an anonymous reader may see (cached across requests, invalidated by signals).

        The cache holds the restrictions and hidden sections with a token; each process keeps the
        ``Visibility`` built from the last token it saw, so a request pays one cache read."""
        try:
            entry = cache.get(PUBLIC_CACHE_KEY)
        except Exception:  # a cache that is down must not take the site with it
            entry = None
        if not _is_public_entry(entry):  # missing, or not of this shape: a miss
            entry = (secrets.token_hex(8), (_load_restrictions(), _load_hidden_sections()))
            with contextlib.suppress(Exception):
                cache.set(PUBLIC_CACHE_KEY, entry, PUBLIC_CACHE_SECONDS)
        token, state = entry
        built = _public_built
        if built.get("token") != token:
            built.update(token=token, visibility=cls(*state))
        return built["visibility"]

    @classmethod
    def current_public(cls):
        """``public()`` read from the database now, not from the cache (inside a change, before
        the signal that forgets the cached state may have run)."""
        return cls(_load_restrictions(), _load_hidden_sections())

    @classmethod
    def for_request(cls, request):
        """What the reader of ``request`` may see (kept on the request; public without one)."""
        if request is None:
            return cls.public()
        visibility = getattr(request, REQUEST_ATTRIBUTE, None)
        if visibility is not None:
            return visibility
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        passed = ()
        if session is not None:
            passed = session.get(PageViewRestriction.passed_view_restrictions_session_key, ())
        if (user is None or not user.is_authenticated) and not passed:
            visibility = cls.public()
        else:
            visibility = cls(
                _load_restrictions(), _load_hidden_sections(), user=user, passed_restriction_ids=passed
            )
        setattr(request, REQUEST_ATTRIBUTE, visibility)
        return visibility

    # --- querysets ----------------------------------------------------------------------------

    def hidden_q(self, prefix="", *, aliases=True, joined=False):
        """A ``Q`` matching rows whose page (at ``prefix``) the reader may not see: below a
        closed path, or an alias whose original is (an untranslated page shown in another
        language's tree keeps the privacy of the original's section). ``aliases=False`` when
        the caller has left aliases out already."""
        if self.closed_paths and (not prefix or joined):
            alias_field = f"{prefix}alias_of_id" if aliases else None
            return Q(PageUnderPaths(self.closed_paths, f"{prefix}id", alias_field=alias_field))
        q = paths_q(self.closed_paths, prefix, joined=joined)
        if self.closed_paths and aliases:
            if prefix and not joined:
                originals = Page.objects.filter(paths_q(self.closed_paths)).values("pk")
                q |= Q(**{f"{prefix}alias_of__isnull": False, f"{prefix}alias_of__in": originals})
            else:
                q |= Q(AliasUnderPaths(self.closed_paths, f"{prefix}alias_of_id"))
        return q

    def search_filter(self, queryset):
        """``filter`` in the form search backends accept (the database backend and Elasticsearch
        filter on indexed fields only: ``path`` and ``id``): one ``path__startswith`` per closed
        path, and the ids of aliases whose original is hidden."""
        for path in self.closed_paths:
            queryset = queryset.exclude(path__startswith=path)
        if self.closed_paths:
            originals = Page.objects.filter(paths_q(self.closed_paths)).values("pk")
            hidden_aliases = list(Page.objects.filter(alias_of__in=originals).values_list("pk", flat=True))
            if hidden_aliases:
                queryset = queryset.exclude(pk__in=hidden_aliases)
        return queryset

    def filter(self, queryset, prefix="", *, aliases=True, joined=False):
        """``queryset`` without the rows whose page (at ``prefix``) the reader may not see.

        Live-ness and aliases are the caller's (see ``listable``)."""
        q = self.hidden_q(prefix, aliases=aliases, joined=joined)
        return queryset.exclude(q) if q else queryset

    def listable(self, queryset, prefix=""):
        """Live, non-alias pages the reader may see: what any listing, feed or list may show."""
        queryset = queryset.filter(**{f"{prefix}live": True, f"{prefix}alias_of__isnull": True})
        return self.filter(queryset, prefix, aliases=False, joined=True)

    def restricted_q(self, prefix=""):
        """A ``Q`` matching rows whose page sits under any view restriction (whoever asks)."""
        return paths_q(self.restricted_paths, prefix)

    # --- single pages -------------------------------------------------------------------------

    def can_view(self, page):
        """Whether the reader may see ``page`` (live, ancestors live, restrictions passed)."""
        if not page.live:
            return False
        paths = [page.path]
        if page.alias_of_id:
            paths += Page.objects.filter(pk=page.alias_of_id).values_list("path", flat=True)
        return not any(p.startswith(path) for p in paths for path in self.closed_paths)

    def is_restricted(self, page):
        """Whether ``page`` sits under a view restriction (whoever is asking)."""
        return any(page.path.startswith(path) for path in self.restricted_paths)

    def hidden_count(self, queryset, prefix=""):
        """How many live, non-alias rows of ``queryset`` the reader may not open but could by
        logging in (restricted to login or groups, not by password): for "N more for members"."""
        login_paths = _outermost(
            r.path
            for r in self.closed_restrictions
            if r.kind in (BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS)
        )
        if not login_paths:
            return 0
        queryset = queryset.filter(**{f"{prefix}live": True, f"{prefix}alias_of__isnull": True})
        queryset = queryset.filter(paths_q(login_paths, prefix))
        password_or_hidden = _outermost(
            [r.path for r in self.closed_restrictions if r.kind == BaseViewRestriction.PASSWORD]
            + self.hidden_sections
        )
        if password_or_hidden:
            queryset = queryset.exclude(paths_q(password_or_hidden, prefix))
        return queryset.count()


def _is_public_entry(entry):
    """Whether ``entry`` has the shape ``Visibility.public()`` stores: ``(token, (restrictions,
    hidden_sections))``."""
    return (
        isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], str)
        and isinstance(entry[1], tuple)
        and len(entry[1]) == 2
    )


def forget_public_visibility(**kwargs):
    """Drop the cached public visibility (a restriction or a publication changed)."""
    with contextlib.suppress(Exception):
        cache.delete(PUBLIC_CACHE_KEY)


def connect_signals():
    """Called from ``CoreConfig.ready()``."""
    for signal in (post_save, post_delete):
        signal.connect(forget_public_visibility, sender=PageViewRestriction, dispatch_uid=f"vis-{signal}")
    m2m_changed.connect(
        forget_public_visibility, sender=PageViewRestriction.groups.through, dispatch_uid="vis-groups"
    )
    page_published.connect(forget_public_visibility, dispatch_uid="vis-published")
    page_unpublished.connect(forget_public_visibility, dispatch_uid="vis-unpublished")
    post_page_move.connect(forget_public_visibility, dispatch_uid="vis-moved")
    post_delete.connect(_page_deleted, dispatch_uid="vis-page-deleted")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_public_visibility()
