# --- wagtail-cityoflearning ---------------------------------------------------------------
# The package first, then what it relies on; allauth after the package, whose templates for
# allauth's pages must be found first.
INSTALLED_APPS += [
    "wagtail_cityoflearning",
    "wagtail_cityoflearning.badges",
    "wagtail_cityoflearning.learners",
    "wagtail_cityoflearning.providers",
    "wagtail_cityoflearning.insight",
    "wagtailgeowidget",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
]

# Young people's accounts (django-allauth): its middleware after Django's authentication
# middleware, its authentication backend next to Django's.
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Email and password; the email verified before the first log-in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# The learner's display name, year of birth, guardian and language, and the city's name on
# every email.
ACCOUNT_SIGNUP_FORM_CLASS = "wagtail_cityoflearning.learners.accounts.forms.LearnerSignupForm"
ACCOUNT_ADAPTER = "wagtail_cityoflearning.learners.accounts.adapter.LearnerAccountAdapter"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "wagtail_cityoflearning_learners:dashboard"
DEFAULT_FROM_EMAIL = "learning@your-city.example"

# The city's settings in every template; the base template and the city's settings for the
# pages the package does not render itself (allauth's sign-up and log-in pages).
TEMPLATES[0]["OPTIONS"]["context_processors"] += [
    "wagtail.contrib.settings.context_processors.settings",
    "wagtail_cityoflearning.layout.public_layout",
]

# Learners' evidence files: private, outside MEDIA_ROOT, served only to who may see them.
STORAGES["cityoflearning_evidence"] = {
    "BACKEND": "wagtail_cityoflearning.learners.progress.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": BASE_DIR / "evidence"},
}

# The package's own settings: its pages extend your site's base template.
WAGTAIL_CITYOFLEARNING = {
    "BASE_TEMPLATE": "base.html",
}

# The admin's map picker (wagtailgeowidget reads these once, when it is imported): where it
# opens for a page without a point yet, its zoom and its tile server.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 46.0511, "lng": 14.5051}
GEO_WIDGET_ZOOM = 13
GEO_WIDGET_LEAFLET_TILE_LAYER = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
