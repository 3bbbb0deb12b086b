from django.utils.functional import SimpleLazyObject

from accounts.access import roles_of


def roles(request):
    return {"roles": SimpleLazyObject(lambda: roles_of(request.user))}
