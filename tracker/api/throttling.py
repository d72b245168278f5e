"""The anonymous API throttle, counting by the address tracker.addresses trusts."""

from rest_framework import throttling

from tracker.addresses import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, by the client's address, never by a header the client wrote."""

    def get_ident(self, request):
        return client_address(request)
