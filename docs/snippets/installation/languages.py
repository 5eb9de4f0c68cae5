# The languages your site offers (the language switcher lists them; the package ships
# Slovenian and Italian translations besides English) and one language per Site: each city
# in the language of its home page, unless the visitor chooses another.
LANGUAGES = [("en", "English"), ("sl", "Slovenščina"), ("it", "Italiano")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "wagtail_cityoflearning.middleware.SiteLanguageMiddleware",
)
