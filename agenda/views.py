"""Views of the agenda that are not page listings: the partner proposal form (a route of the
agenda page) and the admin's newsletter export."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.cachetags import narrow
from core.ratelimit import allow, within

from .forms import NewsletterForm, PartnerSubmissionForm
from .newsletter import linkedin_texts, newsletter_html, newsletter_occurrences
from .proposals import create_proposal

RATE_GROUP = "agenda-proposal"


def _form_response(index, request, form, status=200, errors=None):
    return TemplateResponse(
        request,
        "agenda/partner_submission_form.html",
        {"page": index, "self": index, "form": form, "errors": errors or []},
        status=status,
    )


def submission_view(index, request):
    """``<agenda>/aanmelden/``: the form, and a proposal sent with it.

    Spam protection: a honeypot field (a filled-in one looks like success and creates nothing)
    and ``AGENDA_SUBMISSION_RATE`` proposals per client (``core.ratelimit``)."""
    if not index.submission_enabled:
        raise Http404("partner proposals are switched off")
    if request.method != "POST":
        return _form_response(index, request, PartnerSubmissionForm())
    form = PartnerSubmissionForm(request.POST)
    if not within(request, RATE_GROUP, settings.AGENDA_SUBMISSION_RATE):
        return _form_response(
            index,
            request,
            form,
            status=429,
            errors=[_("Too many proposals from your address: please try again in an hour.")],
        )
    done = index.get_url(request) + index.reverse_subpage("submitted")
    if form.is_spam:
        return HttpResponseRedirect(done)
    if not form.is_valid():
        # refused input does not count against the client's budget
        return _form_response(
            index, request, form, status=400, errors=[_("Please correct the fields marked below.")]
        )
    allow(request, RATE_GROUP, settings.AGENDA_SUBMISSION_RATE)
    create_proposal(index, form.cleaned_data)
    return HttpResponseRedirect(done)


def confirmation_view(index, request):
    """``<agenda>/aanmelden/bedankt/``: the thanks after a proposal (the agenda page's own
    content only: no event below it changes it)."""
    narrow(index)
    return TemplateResponse(request, "agenda/partner_submission_done.html", {"page": index, "self": index})


class NewsletterExportView(WagtailAdminTemplateMixin, FormView):
    """Admin: the agenda of the coming weeks as a newsletter snippet and LinkedIn texts."""

    template_name = "agenda/admin/newsletter_export.html"
    form_class = NewsletterForm
    page_title = gettext_lazy("Agenda export")
    header_icon = "date"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.GET:
            kwargs["data"] = self.request.GET  # a GET form: results are shareable links
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = self.get_context_data(form=form)
        if request.GET and form.is_valid():
            data = form.cleaned_data
            occurrences, errors = newsletter_occurrences(data["locale"], form.filters(), data["weeks"])
            context.update(
                {
                    "errors": errors,
                    "count": len(occurrences),
                    "html": newsletter_html(
                        occurrences, title=data["title"] or "Agenda", locale_code=data["locale"]
                    ),
                    "linkedin": linkedin_texts(occurrences, request, data["locale"]),
                }
            )
        return self.render_to_response(context)
