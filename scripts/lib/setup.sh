# Shared by scripts/test and scripts/bench: install what a fresh Debian
# machine lacks, and run a throwaway PostgreSQL cluster.

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages given, skipping those already installed.
ensure_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== Installing ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Prints a TCP port nobody is listening on.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts a PostgreSQL cluster in a temporary folder on a free port and sets
# PG_URL to a database in it. The cluster is removed by stop_postgres.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "PostgreSQL binaries not found" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/sunboard-pg.XXXXXX)
  PG_PORT=$(free_port)
  local run=()
  # initdb refuses to run as root; use the postgres account Debian creates.
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U sunboard -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability is not under test here: fsync off makes the suite fast.
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o \
    "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  PG_BIN=$bin
  PG_RUN=("${run[@]}")
  "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U sunboard sunboard
  PG_URL="postgres://sunboard@127.0.0.1:$PG_PORT/sunboard?sslmode=disable"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $PG_PORT"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

# The browser tests' Python tools (selenium, pytest, axe-core) in a venv of
# their own, installed again when requirements.txt names one it lacks.
ensure_browser_venv() {
  local venv=tests/browser/.venv
  if ! "$venv/bin/python" -c "import selenium, pytest, selenium_axe_python" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/browser/requirements.txt
  fi
}
