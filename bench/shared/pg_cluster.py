"""A throwaway PostgreSQL server for tests and benchmarks that need one they may stop.

    with PostgresCluster() as cluster:       # initdb into a temporary folder, then start
        cluster.create_database("newsroom")
        url = cluster.url("newsroom")        # postgres://postgres@127.0.0.1:<port>/newsroom
        cluster.stop()                       # pg_ctl stop -m fast
        cluster.start()                      # the same data, the same port
    # stopped and deleted, even after an error

It never touches another server: every pg_ctl call names its own data folder, and it listens on
a free port of its own on 127.0.0.1 (its unix socket in the temporary folder). Trust
authentication and fsync off: for tests only. As root, initdb and pg_ctl refuse to run, so they
run as the `postgres` system user (runuser or setpriv) in a folder that user owns. Every wait is
bounded; PostgresUnavailable says why when there are no binaries or no way to run them."""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

START_TIMEOUT_S = 10
SERVER_USER = "postgres"


class PostgresUnavailable(Exception):
    """No PostgreSQL binaries here, or no way to run them (root without a postgres user)."""


class ClusterFailed(Exception):
    """A binary ran and failed (its output and the server log's tail are in the message)."""


def find_bindir() -> Path:
    """The folder holding initdb, pg_ctl and postgres: $PG_BINDIR, `pg_config --bindir`, the
    newest /usr/lib/postgresql/*/bin, or initdb's folder on the PATH."""
    candidates = []
    if os.environ.get("PG_BINDIR"):
        candidates.append(Path(os.environ["PG_BINDIR"]))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            found = subprocess.run(  # noqa: S603 (a fixed command)
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            )
            candidates.append(Path(found.stdout.strip()))
        except (subprocess.SubprocessError, OSError):
            pass
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda path: _version(path.parent.name), reverse=True)
    if shutil.which("initdb"):
        candidates.append(Path(shutil.which("initdb")).resolve().parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    raise PostgresUnavailable(
        "No PostgreSQL server binaries (initdb, pg_ctl, postgres) found: install the Debian "
        "package postgresql, or set PG_BINDIR."
    )


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", name)) or (0,)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user() -> tuple[list[str], pwd.struct_passwd | None]:
    """The command prefix that runs a binary as a user PostgreSQL accepts, and that user (None:
    ourselves, when we are not root)."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"Running as root, and PostgreSQL will not: there is no {SERVER_USER!r} system user "
            "to run it as."
        ) from None
    if shutil.which("runuser"):
        return [shutil.which("runuser"), "-u", SERVER_USER, "--"], user
    if shutil.which("setpriv"):
        return [
            shutil.which("setpriv"),
            f"--reuid={user.pw_uid}",
            f"--regid={user.pw_gid}",
            "--init-groups",
        ], user
    raise PostgresUnavailable(
        "Running as root, and PostgreSQL will not: neither runuser nor setpriv is installed to "
        f"run it as {SERVER_USER!r}."
    )


class PostgresCluster:
    def __init__(self, *, bindir: Path | None = None, timeout: int = START_TIMEOUT_S):
        self.bindir = bindir or find_bindir()
        self.prefix, self.user = _as_server_user()
        self.timeout = timeout
        self.port = free_port()
        self.folder: Path | None = None
        self.initialised = False

    # Paths and addresses ---------------------------------------------------------------------

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    # Life cycle ------------------------------------------------------------------------------

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(self, *exc_info):
        self.cleanup()

    def start(self):
        """initdb on the first start; then pg_ctl start, waiting at most `timeout` seconds."""
        if not self.initialised:
            self._initdb()
        self._pg_ctl("start", "-w", "-t", str(self.timeout), "-l", str(self.log))

    def stop(self, mode: str = "fast"):
        """pg_ctl stop: "fast" ends every session at once; "immediate" does not even tidy up."""
        self._pg_ctl("stop", "-m", mode, "-w", "-t", str(self.timeout))

    def running(self) -> bool:
        if not self.initialised:
            return False
        return self._pg_ctl("status", check=False).returncode == 0

    def cleanup(self):
        """Stop (fast, else immediate, else SIGKILL to the postmaster) and delete the folder."""
        if self.folder is None:
            return
        try:
            for mode in ("fast", "immediate"):
                if not self.running():
                    break
                try:
                    self.stop(mode)
                except (ClusterFailed, subprocess.TimeoutExpired):
                    continue
            self._kill_postmaster()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
            self.initialised = False

    def create_database(self, name: str):
        import psycopg2  # noqa: PLC0415
        from psycopg2 import sql  # noqa: PLC0415

        connection = psycopg2.connect(self.url(), connect_timeout=5)
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        finally:
            connection.close()

    # Internals -------------------------------------------------------------------------------

    def _initdb(self):
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-pg-"))
        if self.user is not None:
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        self._run(
            [self.bindir / "initdb", "-D", self.data, "-U", SERVER_USER, "-A", "trust"]
            + ["-E", "UTF8", "--no-locale", "--no-sync"],
        )
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.folder}'",
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "max_connections": "40",
            "shared_buffers": "32MB",
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# bench/shared/pg_cluster.py: a throwaway server for tests\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        self.initialised = True

    def _pg_ctl(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        return self._run([self.bindir / "pg_ctl", "-D", self.data, *arguments], check=check)

    def _run(self, command: list, *, check: bool = True) -> subprocess.CompletedProcess:
        command = [*self.prefix, *(str(part) for part in command)]
        done = subprocess.run(  # noqa: S603 (our own binaries and arguments)
            command,
            capture_output=True,
            text=True,
            timeout=self.timeout + 10,
            cwd=self.folder,
            env={**os.environ, "LC_ALL": "C", "PGTZ": "UTC"},
            check=False,
        )
        if check and done.returncode != 0:
            raise ClusterFailed(
                f"{' '.join(command)} exited with {done.returncode}:\n{done.stdout}{done.stderr}"
                f"{self._log_tail()}"
            )
        return done

    def _log_tail(self, lines: int = 20) -> str:
        try:
            tail = self.log.read_text(errors="replace").splitlines()[-lines:]
        except (OSError, TypeError):
            return ""
        return "\nserver log:\n" + "\n".join(tail)

    def _kill_postmaster(self):
        """The last resort when pg_ctl could not stop it: SIGKILL to the postmaster (its
        children exit when it is gone)."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
