pip install whitenoise
python manage.py createcachetable
python manage.py collectstatic --noinput
