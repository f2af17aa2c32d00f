"""How the admin site gives every model admin it registers the same behaviour: a mixin put first
in the admin class, under the class's own name and module (the way AdminSite.register already
subclasses an admin class it is given options for)."""


def mixed_first(mixin: type, admin_class: type) -> type:
    """`admin_class` with `mixin` first; `admin_class` itself when it has the mixin already."""
    if issubclass(admin_class, mixin):
        return admin_class
    return type(
        admin_class.__name__,
        (mixin, admin_class),
        {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
    )
