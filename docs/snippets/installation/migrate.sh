python manage.py migrate
# The default interests (arts, music, sports...) that opportunities are tagged with.
python manage.py cityoflearning_default_interests
