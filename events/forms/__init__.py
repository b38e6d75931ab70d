"""Forms of the public pages that write: the speakers' private link."""
