pip uninstall wagtail-cityoflearning
# Content types and permissions of the apps that are gone.
python manage.py remove_stale_contenttypes --include-stale-apps
