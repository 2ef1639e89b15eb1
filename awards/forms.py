"""The admin form of an edition: checks the nominations together before anything is saved."""

from wagtail.admin.forms import WagtailAdminPageForm

from .validation import NominationData, nomination_issues


class AwardEditionPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("nominations")
        if formset is None or not formset.is_valid():
            return cleaned_data
        forms = [form for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        items = [
            NominationData(
                museum_id=form.cleaned_data["museum"].pk if form.cleaned_data.get("museum") else None,
                stage=form.cleaned_data.get("stage"),
                votes=form.cleaned_data.get("votes"),
                vote_share=form.cleaned_data.get("vote_share"),
                museum_title=form.cleaned_data["museum"].title if form.cleaned_data.get("museum") else "",
            )
            for form in forms
        ]
        for issue in nomination_issues(items, longlist_size=cleaned_data.get("longlist_size")):
            if issue.index is None:
                self.add_error(None, issue.message)
            else:
                forms[issue.index].add_error(issue.field, issue.message)
                # The page form itself must fail too, so the editor sees the summary.
                self.add_error(None, issue.message)
        return cleaned_data
