"""Forms of the public site (the admin's own forms live with the admin)."""
