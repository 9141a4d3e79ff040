from django.apps import AppConfig


class BarrierRegisterConfig(AppConfig):
    name = "curation.barrier_register"
    label = "barrier_register"
    verbose_name = "Barrier register"
