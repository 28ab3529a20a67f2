"""The PostgreSQL server of .ci/postgres.sh, for the Python scripts that run Polso on it
(Tests/EndToEnd/browser.py, bench/serve_stores.py): its URLs, a schema per run, dropped after."""
import os
import pathlib
import subprocess
import sys


def postgres_urls(env_file):
    """The owner's and the application role's URLs, from the env file .ci/postgres.sh wrote (or,
    without one, the environment it exports); no server named: the script stops, saying so."""
    values = dict(os.environ)
    if env_file:
        for line in pathlib.Path(env_file).read_text(encoding="utf-8").splitlines():
            if line.startswith("export ") and "=" in line:
                name, value = line[len("export "):].split("=", 1)
                values[name] = value.strip("'\"")
    owner, application = values.get("POLSO_TEST_POSTGRES_URL"), values.get("POLSO_TEST_POSTGRES_APP_URL")
    if not owner or not application:
        sys.exit("a PostgreSQL store needs the server of .ci/postgres.sh: give its env file with --postgres-env, "
                 "or source it (POLSO_TEST_POSTGRES_URL and POLSO_TEST_POSTGRES_APP_URL are not set)")
    return owner, application


def new_schema(prefix):
    """A fresh schema name."""
    return prefix + os.urandom(6).hex()


def with_schema(url, schema):
    """`url` in `schema`."""
    return url + ("&" if "?" in url else "?") + "schema=" + schema


def drop_schema(owner, schema):
    """Drops the schema with everything in it, as the owner."""
    subprocess.run(["psql", "-X", "-q", owner, "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE"], capture_output=True, text=True)
