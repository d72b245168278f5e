"""An attribute computed on first read and kept: what a sentence or an article says, read once."""


class read_once:  # noqa: N801 - used like functools.cached_property
    """functools.cached_property without the lock it takes on each first read in Python 3.11.

    An article is read by one thread, and the engine reads ~100 such attributes per
    article: the lock cost more than some of the values.
    """

    def __init__(self, function):
        self.function = function
        self.name = function.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value
