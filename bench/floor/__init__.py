"""The floor of the HTTP benchmark: a minimal Django project with one view.

It runs under gunicorn with the same worker count as the site, so the site's throughput can be
read as a share of what Django and gunicorn manage on this machine with no work at all.
"""
