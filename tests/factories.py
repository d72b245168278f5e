"""factory_boy factories for the tracker models."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tracker.models import Estimate, Report, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class EditorFactory(UserFactory):
    """A staff user in the Editors group (created by a migration when the admin work lands)."""

    class Meta:
        skip_postgeneration_save = True  # adding to a group saves nothing on the user row

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        group = Group.objects.filter(name="Editors").first()
        if create and group:
            self.groups.add(group)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Monitor {n}")
    kind = Source.Kind.INDEPENDENT
    coalition = factory.LazyAttribute(lambda source: source.kind == Source.Kind.OFFICIAL)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = "Sample Wire"
    language = Report.Language.ENGLISH
    published_on = datetime.date(2017, 7, 1)
    text = factory.Sequence(lambda n: f"Sample article {n}: at least 603 civilians were killed.")
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    status = Report.Status.DONE


class EstimateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Estimate

    report = factory.SubFactory(ReportFactory)
    source = factory.SubFactory(SourceFactory)
    value = 603
    qualifier = Estimate.Qualifier.AT_LEAST
    casualty = Estimate.Casualty.KILLED
    victims = Estimate.Victims.CIVILIANS
    scope = Estimate.Scope.CUMULATIVE
    geography = Estimate.Geography.IRAQ_SYRIA
    perpetrator = Estimate.Perpetrator.COALITION
    as_of = datetime.date(2017, 5, 31)
    quote = "at least 603 civilians were killed."
    start = 9
    end = 12
    confidence = 0.9
    machine_reading = factory.LazyAttribute(lambda e: {"value": e.value, "qualifier": e.qualifier})
