"""How the OpenAPI schema describes this API where drf-spectacular's defaults fall short."""

from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions

# Permissions under which anyone may read: drf-spectacular knows the first two only.
ANONYMOUS_READS = (
    permissions.AllowAny,
    permissions.IsAuthenticatedOrReadOnly,
    permissions.DjangoModelPermissionsOrAnonReadOnly,
)


class ApiSchema(AutoSchema):
    """Mark a read anyone may make as needing no authentication (`{}` among its security)."""

    def get_auth(self):
        auths = super().get_auth()
        if self.method in permissions.SAFE_METHODS and {} not in auths:
            if all(isinstance(p, ANONYMOUS_READS) for p in self.view.get_permissions()):
                auths.append({})
        return auths
