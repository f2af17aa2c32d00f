"""Staff who log in through the admin's own login form, as the browser tests' people do."""

from tests.staff import staff_in

PASSWORD = "correct horse battery staple"


def staff(username, group):
    """A member of `group` (Contributor, Editor, Moderator) who can log in with PASSWORD."""
    user = staff_in(None, group, username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(page, server, username):
    page.goto(f"{server}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{server}/admin/")
