"""Report pages for analysts and coordinators: counts only, every view and export audited."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kintrace.accounts import audit
from kintrace.accounts.models import AuditAction
from kintrace.reports import anonymise, exports, registry
from kintrace.reports.figures import chart_png, chart_svg, drawable
from kintrace.reports.filters import FilterForm
from kintrace.reports.registry import Report
from kintrace.reports.summary import LANGUAGES, summary_pdf


def access_report(request: HttpRequest, name: str) -> Report:
    """The report for a page: 404 for an unknown name and for a user without the permission."""
    if not request.user.has_perm("reports.view_reports"):
        raise Http404
    report = registry.get(name)
    if report is None:
        raise Http404
    return report


def _published(request: HttpRequest, report: Report) -> tuple[FilterForm, exports.Published | None]:
    form = FilterForm(request.GET, accepts=report.filters)
    if not form.is_valid():
        return form, None
    filters = form.filters()
    table = report.build(filters, settings.REPORT_MIN_CELL)
    return form, exports.Published(report, filters, table)


def _audit(request: HttpRequest, action: AuditAction, name: str, **detail) -> None:
    audit.record(
        request=request,
        action=action,
        object_type="report",
        object_id=name,
        detail={"filters": request.GET.dict(), **detail},
    )


def _bad_filters(form: FilterForm) -> HttpResponse:
    problems = "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items())
    return HttpResponse(
        _("The filters are not valid: %(problems)s") % {"problems": problems},
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.view_reports"):
        raise Http404
    by_source = []
    available = registry.reports().values()
    for source in registry.sources().values():
        listed = [r for r in available if r.sources[0] == source.name]  # its main source
        by_source.append((source, listed))
    audit.record(request=request, action=AuditAction.VIEW, object_type="report", object_id="index")
    return render(request, "reports/index.html", {"by_source": by_source})


@login_required
def report_page(request: HttpRequest, name: str) -> HttpResponse:
    report = access_report(request, name)
    form, published = _published(request, report)
    _audit(request, AuditAction.VIEW, name)
    context = {
        "report": report,
        "form": form,
        "published": published,
        "query": request.GET.urlencode(),
        "pdf_languages": LANGUAGES,
        "current_language": get_language(),
    }
    if published is not None:
        context["chart"] = chart_svg(published) if drawable(published) else ""
        context["table"] = published.table
        context["sources"] = published.source_lines()
    return render(request, "reports/report.html", context, status=200 if published else 400)


@login_required
def export(request: HttpRequest, name: str, fmt: str) -> HttpResponse:
    report = access_report(request, name)
    if fmt not in exports.FORMATS:
        raise Http404
    form, published = _published(request, report)
    if published is None:
        return _bad_filters(form)
    body = exports.render(published, fmt)
    _audit(request, AuditAction.EXPORT, name, format=fmt)
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(published, fmt)}"'
    return response


@login_required
def chart(request: HttpRequest, name: str, image: str) -> HttpResponse:
    report = access_report(request, name)
    if image not in ("svg", "png"):
        raise Http404
    form, published = _published(request, report)
    if published is None:
        return _bad_filters(form)
    _audit(request, AuditAction.EXPORT, name, format=image)
    if image == "svg":
        return HttpResponse(chart_svg(published), content_type="image/svg+xml; charset=utf-8")
    return HttpResponse(chart_png(published), content_type="image/png")


@login_required
def summary(request: HttpRequest, name: str) -> HttpResponse:
    report = access_report(request, name)
    language = request.GET.get("lang", get_language())
    if language not in LANGUAGES:
        raise Http404
    form, published = _published(request, report)
    if published is None:
        return _bad_filters(form)

    def build() -> exports.Published:
        again = registry.get(name)  # titles and labels in the summary's language
        return exports.Published(
            again, published.filters, again.build(published.filters, settings.REPORT_MIN_CELL)
        )

    body = summary_pdf(build, language)
    _audit(request, AuditAction.EXPORT, name, format="pdf", language=language)
    response = HttpResponse(body, content_type="application/pdf")
    filename = exports.filename(published, "pdf").replace(".pdf", f"-{language}.pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def anonymised_page(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reports.view_reports"):
        raise Http404
    audit.record(
        request=request, action=AuditAction.VIEW, object_type="report", object_id="anonymised"
    )
    return render(
        request,
        "reports/anonymised.html",
        {"k": settings.REPORT_K, "fields": anonymise.FIELDS, "identifying": anonymise.NEVER},
    )


@login_required
def anonymised_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if not request.user.has_perm("reports.view_reports"):
        raise Http404
    if fmt not in ("csv", "json"):
        raise Http404
    result = anonymise.anonymised_cases(k=settings.REPORT_K)
    body = anonymise.to_csv(result) if fmt == "csv" else anonymise.to_json(result)
    audit.record(
        request=request,
        action=AuditAction.EXPORT,
        object_type="report",
        object_id="anonymised",
        detail={"format": fmt, "k": result.k, "records": len(result.records)},
    )
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="kintrace-anonymised-cases.{fmt}"'
    return response
