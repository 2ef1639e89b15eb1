"""The pages of the second step (``core.twofactor``): give a code, set up an app, backup codes.

They live under the admin (``register_admin_urls`` in ``core.wagtail_hooks``), so Wagtail's
admin check (a login with admin access) and the editor's admin language apply to them, and they
look like the admin's login page. None of them is cached.
"""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import twofactor

CODE_DIGITS = 6


class AppCodeForm(forms.Form):
    code = forms.CharField(
        label=_("6-digit code from the app"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == CODE_DIGITS):
            raise forms.ValidationError(_("Enter the 6 digits the app shows, without letters."))
        return code


class BackupCodeForm(forms.Form):
    backup_code = forms.CharField(
        label=_("Backup code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def clean_backup_code(self):
        return twofactor.normalise_backup_code(self.cleaned_data["backup_code"])


def _next_url(request):
    """Where to go after the step: the ``next`` address when it is on this site, else the
    dashboard."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _refusal(wait, wrong):
    if wait:
        return ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            wait,
        ) % {"seconds": wait}
    return wrong


@never_cache
@sensitive_post_parameters("code", "backup_code")
def verify(request):
    """The code after the password: from the authenticator app, or a backup code."""
    user = request.user
    next_url = _next_url(request)
    if twofactor.is_verified(user):
        return redirect(next_url)
    app = twofactor.app_device(user)
    backup = twofactor.backup_device(user)
    if app is None and backup is None:
        return twofactor.step_url(twofactor.SETUP, next_url)
    app_form, backup_form = AppCodeForm(), BackupCodeForm()
    status = 200
    if request.method == "POST":
        if "backup_code" in request.POST:
            form = backup_form = BackupCodeForm(request.POST)
            device, field = backup, "backup_code"
            wrong = gettext("This backup code is not right, or it has been used already.")
            missing = gettext(
                "You have no backup codes left. Ask an administrator to reset your two-factor authentication."
            )
        else:
            form = app_form = AppCodeForm(request.POST)
            device, field = app, "code"
            wrong = gettext(
                "This code is not right, or it has been used already. Enter the code the app shows now."
            )
            missing = gettext("Your account has no authenticator app. Use a backup code.")
        if form.is_valid():
            if device is None:
                form.add_error(field, missing)
            else:
                accepted, wait = twofactor.check_code(user, device, form.cleaned_data[field])
                if accepted:
                    twofactor.pass_second_step(request, device)
                    if device is backup:
                        left = twofactor.backup_codes_left(device)
                        messages.warning(
                            request,
                            ngettext(
                                "You signed in with a backup code; %(count)d is left. Lost your "
                                "phone? Ask an administrator to reset your two-factor authentication.",
                                "You signed in with a backup code; %(count)d are left. Lost your "
                                "phone? Ask an administrator to reset your two-factor authentication.",
                                left,
                            )
                            % {"count": left},
                        )
                    return redirect(next_url)
                form.add_error(field, _refusal(wait, wrong))
                status = 429 if wait else 200
    return render(
        request,
        "twofactor/verify.html",
        {
            "app_form": app_form,
            "backup_form": backup_form,
            "has_app": app is not None,
            "next": next_url,
        },
        status=status,
    )


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a code."""
    user = request.user
    next_url = _next_url(request)
    if twofactor.has_device(user):
        # A second device only after the first one's code: a password alone adds none.
        if twofactor.is_verified(user):
            messages.info(request, gettext("Two-factor authentication is already set up for your account."))
            return redirect(next_url)
        return twofactor.step_url(twofactor.VERIFY, next_url)
    device = twofactor.enrolment_device(user)
    form = AppCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        accepted, wait = twofactor.check_code(user, device, form.cleaned_data["code"])
        if accepted:
            codes = twofactor.confirm_enrolment(user, device)
            if codes is None:  # another app was confirmed meanwhile: its code is asked for
                return twofactor.step_url(twofactor.VERIFY, next_url)
            twofactor.pass_second_step(request, device)
            request.session[twofactor.BACKUP_CODES_SESSION_KEY] = codes
            return redirect(f"{reverse(twofactor.BACKUP_CODES_URL_NAME)}?{urlencode({'next': next_url})}")
        form.add_error(
            "code",
            _refusal(
                wait,
                gettext(
                    "This code is not right. Check that the app added this account, and enter the "
                    "code it shows now."
                ),
            ),
        )
        status = 429 if wait else 200
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "qr_code": twofactor.qr_code_svg(device, gettext("QR code for the authenticator app")),
            "secret": twofactor.secret_text(device),
            "issuer": settings.OTP_TOTP_ISSUER,
            "account": user.get_username(),
            "next": next_url,
        },
        status=status,
    )


@never_cache
def backup_codes(request):
    """The backup codes of the app just set up, shown this once (then gone from the session)."""
    codes = request.session.pop(twofactor.BACKUP_CODES_SESSION_KEY, None)
    next_url = _next_url(request)
    if not codes:
        return redirect(next_url)
    return render(request, "twofactor/backup_codes.html", {"codes": codes, "next": next_url})


urlpatterns = [
    path("2fa/verify/", verify, name=twofactor.VERIFY_URL_NAME),
    path("2fa/setup/", setup, name=twofactor.SETUP_URL_NAME),
    path("2fa/backup-codes/", backup_codes, name=twofactor.BACKUP_CODES_URL_NAME),
]
