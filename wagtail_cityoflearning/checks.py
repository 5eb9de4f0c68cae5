"""System checks of the core: what a host site must configure for the public pages (base
template, map cache, content security policy), reported by ``manage.py check`` at start-up.
The badges' and the learners' apps have checks of their own."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.templatetags.cityoflearning_tags import CityOfLearningHeadNode

# The blocks the package's public templates fill (see docs/templates.md), and what each holds.
BASE_TEMPLATE_BLOCKS = {
    "title": "the page title, inside <title>",
    "extra_head": "page-specific tags such as robots and Open Graph, inside <head>",
    "body_class": "the class attribute of <body>",
    "breadcrumbs": "the breadcrumb trail, inside <main>",
    "content": 'the page content, inside <main id="main">',
    "extra_js": "scripts, at the end of <body>",
}
BASE_TEMPLATE_HINT = (
    "Add to your base template: {% load cityoflearning_tags %} at the top, "
    "{% cityoflearning_head %}{% block extra_head %}{% endblock %} inside <head>, and "
    '<main id="main" class="col-main" tabindex="-1">{% block breadcrumbs %}{% endblock %}'
    "{% block content %}{% endblock %}</main> inside <body>; see the installation docs."
)


def _template_chain(name: str):
    """The compiled template ``name`` and the templates it extends (literal names only)."""
    from django.template import Context, engines
    from django.template.backends.django import DjangoTemplates
    from django.template.loader_tags import ExtendsNode

    engine = next(
        (engine.engine for engine in engines.all() if isinstance(engine, DjangoTemplates)), None
    )
    if engine is None:
        return
    seen = set()
    while name and name not in seen:
        seen.add(name)
        compiled = engine.get_template(name)
        yield compiled
        extends = compiled.nodelist.get_nodes_by_type(ExtendsNode)
        if not extends or extends[0].parent_name.var is None:
            return
        try:
            name = extends[0].parent_name.resolve(Context())
        except Exception:  # a parent named by a variable: nothing more to inspect
            return
        if not isinstance(name, str):
            return


@register(Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    """Warn when ``BASE_TEMPLATE`` lacks what the package's pages put into it."""
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.base import TextNode
    from django.template.loader_tags import BlockNode

    name = cityoflearning_settings.BASE_TEMPLATE
    blocks, has_head, has_main = set(), False, False
    try:
        for compiled in _template_chain(name):
            nodes = compiled.nodelist
            blocks.update(node.name for node in nodes.get_nodes_by_type(BlockNode))
            has_head = has_head or bool(nodes.get_nodes_by_type(CityOfLearningHeadNode))
            has_main = has_main or any(
                "<main" in node.s for node in nodes.get_nodes_by_type(TextNode)
            )
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        return [
            Error(
                f"WAGTAIL_CITYOFLEARNING['BASE_TEMPLATE'] = {name!r} cannot be loaded: {error}",
                hint="Name a template your site's template loaders find.",
                id="wagtail_cityoflearning.E003",
            )
        ]
    messages = []
    if not has_head:
        messages.append(
            Warning(
                f"The base template {name!r} does not use {{% cityoflearning_head %}}: the "
                "public pages get no stylesheets, no map styles and no JSON-LD.",
                hint=BASE_TEMPLATE_HINT,
                id="wagtail_cityoflearning.W001",
            )
        )
    missing = [block for block in BASE_TEMPLATE_BLOCKS if block not in blocks]
    if missing:
        listed = "; ".join(f"{block} ({BASE_TEMPLATE_BLOCKS[block]})" for block in missing)
        messages.append(
            Warning(
                f"The base template {name!r} lacks blocks the package's pages fill: {listed}.",
                hint=BASE_TEMPLATE_HINT,
                id="wagtail_cityoflearning.W002",
            )
        )
    if not has_main:
        messages.append(
            Warning(
                f"The base template {name!r} has no <main> element: the pages' skip link and "
                'landmarks need the content block inside <main id="main">.',
                hint=BASE_TEMPLATE_HINT,
                id="wagtail_cityoflearning.W003",
            )
        )
    return messages


PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def check_shared_map_cache(app_configs=None, **kwargs):
    """Warn (in ``check --deploy``) when the map feeds' cache is not shared between processes:
    a publish would clear the feeds of one application server process only, and the others
    would serve a stale map until their copy expires."""
    alias = cityoflearning_settings.MAP_CACHE
    backend = getattr(settings, "CACHES", {}).get(alias, {}).get("BACKEND", "")
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The map feeds' cache {alias!r} ({backend}) is local to each process: after a "
            "publish, other processes serve a stale map for up to MAP_CACHE_SECONDS.",
            hint="Use a cache that all processes share (Redis, Memcached or the database "
            "cache) for WAGTAIL_CITYOFLEARNING['MAP_CACHE']; see the deployment docs.",
            id="wagtail_cityoflearning.W005",
        )
    ]


# Middleware that sends a Content-Security-Policy header: django-csp's (and subclasses, such
# as the package's own with a separate admin policy) and Django's own (Django 6.0 and later).
CSP_MIDDLEWARE = (
    "csp.middleware.CSPMiddleware",
    "wagtail_cityoflearning.content_security.CSPMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
)


def _sends_csp(path: str) -> bool:
    if path in CSP_MIDDLEWARE:
        return True
    try:
        from csp.middleware import CSPMiddleware
        from django.utils.module_loading import import_string

        middleware = import_string(path)
    except ImportError:
        return False
    return isinstance(middleware, type) and issubclass(middleware, CSPMiddleware)


@register(Tags.security, deploy=True)
def check_content_security_policy(app_configs=None, **kwargs):
    """Warn (in ``check --deploy``) when the site sends no Content-Security-Policy: the
    package's pages run under a strict policy, and a policy is what keeps an injected script
    from running on pages young people use."""
    middleware = [path for path in getattr(settings, "MIDDLEWARE", None) or [] if _sends_csp(path)]
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or getattr(
        settings, "SECURE_CSP", None
    )
    if middleware and policy:
        return []
    missing = "no policy (CONTENT_SECURITY_POLICY)" if middleware else "no CSP middleware"
    return [
        Warning(
            f"The site sends no Content-Security-Policy header: {missing} is configured.",
            hint="Install django-csp, add 'csp.middleware.CSPMiddleware' (or "
            "'wagtail_cityoflearning.content_security.CSPMiddleware', with a separate policy "
            "for the admin) to MIDDLEWARE and set CONTENT_SECURITY_POLICY; see "
            "docs/security.md. A site whose proxy sends the header may silence this check.",
            id="wagtail_cityoflearning.W006",
        )
    ]
