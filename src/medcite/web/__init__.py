"""The web app and HTTP API: a thin shell over the editorial desk (FastAPI, Jinja2)."""

from medcite.web.app import app_from_environment, create_app

__all__ = ["app_from_environment", "create_app"]
