"""Sign-in with either a username or an 18-digit NIP / NI PPPK."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def find_user(login):
    login = (login or "").strip()
    if not login:
        return None
    users = get_user_model().objects
    if login.isdigit() and len(login) == 18:
        return users.filter(staff__nip=login).first()
    return users.filter(username__iexact=login).first()


def canonical_username(request, credentials):
    """One lockout key per account, whether the person typed the NIP or the username."""
    typed = (credentials or {}).get("username") or ""
    user = find_user(typed)
    return user.username if user else typed.strip().lower()


class NipOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        user = find_user(username)
        if user is None:
            # Spend the same time as a real check so that timing does not reveal accounts.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
