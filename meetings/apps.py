from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = "Chancery: meetings"

    def ready(self):
        from . import lookups  # noqa: F401 (registers the `any` lookup)
