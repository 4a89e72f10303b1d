"""The web application: public pages now, the per-role pages later (see ``app.py``)."""
