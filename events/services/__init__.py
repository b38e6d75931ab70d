"""Writes that span models or files, one module per job; the admin, the commands and the tests call these."""
