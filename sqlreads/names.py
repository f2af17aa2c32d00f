"""The quoted names of SQL written once per process from the models' `_meta` (sqlreads/rows.py,
sqlreads/instances.py and the reads that use them): a table under an alias, a column of an
alias, a model's columns. Every name comes from `_meta` and goes through the database's own
`quote_name`: nothing a reader or an editor typed is ever in it."""

from sqlreads.instances import Columns


class Names:
    def __init__(self, connection):
        self.connection = connection
        self.q = connection.ops.quote_name

    def table(self, model, alias: str | None = None) -> str:
        """The model's table, and its alias after it when one is given."""
        name = self.q(model._meta.db_table)
        return f"{name} {self.q(alias)}" if alias else name

    def col(self, alias: str, model, name: str) -> str:
        """The column of the model's field `name` under the table alias `alias`."""
        return f"{self.q(alias)}.{self.q(model._meta.get_field(name).column)}"

    def cols(self, *specs) -> list[Columns]:
        """The whole rows of (model, alias) pairs, to be made instances (sqlreads/instances.py)."""
        return [Columns(model, alias, self.connection) for model, alias in specs]
