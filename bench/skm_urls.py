"""URLconf of the bench server only (bench/skm_settings.py): the project's URLs and, for the baseline
of bench_skm_submit.py, POST /bench/insert/, a bare view that does exactly one INSERT into the
bench's own table bench_insert (created by the script)."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as project_urlpatterns


@csrf_exempt
@require_POST
def bare_insert(request):
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_insert (at, payload) VALUES (now(), %s)", [request.POST.get("payload", "")]
        )
    return HttpResponse(status=204)


urlpatterns = [path("bench/insert/", bare_insert, name="bench_insert"), *project_urlpatterns]
