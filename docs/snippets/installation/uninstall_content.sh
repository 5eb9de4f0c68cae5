# Delete the package's pages, snippets, badges, learners' data and their files
# (it lists what it deletes and asks first).
python manage.py cityoflearning_remove_content
# Drop the package's tables.
python manage.py migrate wagtail_cityoflearning zero
# Only if you added django-allauth for this package: drop its tables too.
python manage.py migrate account zero
