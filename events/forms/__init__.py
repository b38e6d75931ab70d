"""Forms of the public pages that write: registering for a meetup, the speakers' private link (the admin's
own forms live with the admin)."""
