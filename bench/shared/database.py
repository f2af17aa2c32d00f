"""The version of the database a benchmark's child measured, for its entry in the results."""


def database_version(connection) -> str:
    """'3.46.1', '17.2': the first word of what the server says of itself."""
    with connection.cursor() as cursor:
        # Constant SQL with no parameter: nothing from outside reaches the statement.
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        return cursor.fetchone()[0].split()[0]
