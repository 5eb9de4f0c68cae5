INSTALLED_APPS += ["wagtail.api.v2", "rest_framework"]
