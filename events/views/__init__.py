"""Public pages of meetups, venues, sponsors, jobs and search, and the meetups' outputs for other programs.

Each page loads in a fixed number of queries. Staff preview drafts: every query starts from a model's
`visible_to(user)`; templates only show the "draft" banner. Anonymous pages are cached by `vdlm.cache` (see the
`cached_page` wrappers in `events/urls.py`).
"""
