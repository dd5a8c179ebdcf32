from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "kintrace.lists"
    label = "lists"
    verbose_name = "Published lists"
