"""Posting an admin page as a browser does: every field the rendered page carries, with the value it shows, then
the changes. Read from the page's HTML (not from the form objects), so a field the page fails to carry is missing
here too, as it would be in a browser."""

import lxml.html


def change_page_data(response) -> dict:
    """The data a browser would send back from a rendered admin add or change page, unchanged (the values of its
    main form, as lxml serialises a form for submission: no buttons, no files; a name given twice is a list)."""
    page = lxml.html.fromstring(response.content.decode())
    (form,) = page.xpath("//form[@id and substring(@id, string-length(@id) - 4) = '_form']")
    data: dict = {}
    for name, value in form.form_values():
        if "__prefix__" in name:
            continue  # the hidden template of "Add another" rows, which a browser sends but Django ignores
        if name in data:
            data[name] = [*data[name], value] if isinstance(data[name], list) else [data[name], value]
        else:
            data[name] = value
    return data


def add_inline_row(data: dict, prefix: str, **fields) -> int:
    """Add a new row to the inline `prefix` (as the "Add another" link does); returns its index."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    return index
