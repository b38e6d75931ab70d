"""Posting an admin page as a browser does: every field with the value the page shows, then the changes."""


def _value(field, value):
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    return getattr(value, "pk", value)


def _form_data(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        if field.disabled or getattr(field.widget, "input_type", None) == "file":
            continue  # a browser sends no file unless one is chosen
        value = _value(field, form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value
    return data


def change_page_data(response) -> dict:
    """The data a browser would send back from a rendered admin add or change page, unchanged."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def add_inline_row(data: dict, prefix: str, **fields) -> int:
    """Add a new row to the inline `prefix` (as the "Add another" link does); returns its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    return index
