#!/usr/bin/env bash
# Builds the solution and runs every test on SQLite and on a throwaway PostgreSQL cluster.
# Works on a fresh Debian machine with the .NET SDK: installs PostgreSQL and Chromium with apt
# when they are missing (as root, or through sudo). With CI=true anything missing fails the run;
# elsewhere the PostgreSQL tests skip with a reason instead.
# The last line of output is "N passed, N failed, N skipped", summed over all test assemblies.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
ci=false
[ "${CI:-}" = true ] && ci=true

say() { printf '\n== %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; echo "0 passed, 0 failed"; exit 1; }
# Missing on CI is an error; on a developer's machine the tests that need it skip.
missing() { if $ci; then die "$* (CI=true, so this fails the run)"; else printf 'test.sh: warning: %s\n' "$*" >&2; fi; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else return 1
  fi
}

# The newest installed PostgreSQL's initdb, or nothing (versions 10+ sort correctly as text).
initdb_path() { local f found=""; for f in /usr/lib/postgresql/*/bin/initdb; do [ -x "$f" ] && found=$f; done; echo "$found"; }

command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is not installed"

# --- Dependencies -----------------------------------------------------------------------------
packages=()
[ -n "$(initdb_path)" ] || packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
# tools/audit-verify.py, the audit log's verifier outside .NET, is run by the unit tests (docs/audit-log.md).
python3 -c 'import cryptography' >/dev/null 2>&1 || packages+=(python3-cryptography)
if [ ${#packages[@]} -gt 0 ]; then
  say "Installing ${packages[*]} with apt"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null; }; then
    missing "could not install ${packages[*]} with apt (not root and no sudo?)"
  fi
fi

# --- A throwaway PostgreSQL cluster on a free loopback port ------------------------------------
pg_dir=""
pg_ctl=""
pg_user=""
cleanup() {
  # A test run still going in the background (interrupted) goes with the script.
  jobs -p | xargs -r kill 2>/dev/null || true
  if [ -n "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
      else "$pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
      fi
    fi
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a PostgreSQL tool as the cluster's owner: postgres when we are root (initdb refuses root).
as_pg_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A port nobody listens on. Another process can still take it before PostgreSQL does, so the
# caller retries with a new one if the server fails to start.
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_postgres() {
  local initdb bin port
  initdb=$(initdb_path)
  [ -n "$initdb" ] || { missing "PostgreSQL is not installed"; return 0; }
  bin=$(dirname "$initdb")
  pg_ctl="$bin/pg_ctl"
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/nyckelfri-pg.XXXXXX")
  if [ "$(id -u)" = 0 ]; then chown postgres "$pg_dir"; pg_user=postgres; else pg_user=$(id -un); fi
  as_pg_owner "$initdb" -D "$pg_dir/data" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; missing "initdb failed"; return 0; }
  for _ in 1 2 3 4 5; do
    port=$(free_port) || break
    if as_pg_owner "$pg_ctl" -D "$pg_dir/data" -w -t 30 -l "$pg_dir/server.log" start \
         -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null; then
      export NYCKELFRI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$pg_user;Database=postgres"
      echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($pg_dir)"
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2 || true
  missing "PostgreSQL did not start"
}

say "Starting a throwaway PostgreSQL cluster"
start_postgres

if command -v chromium >/dev/null 2>&1; then
  export NYCKELFRI_CHROMIUM="$(command -v chromium)"
else
  missing "Chromium is not installed"
fi

# --- Build and test ---------------------------------------------------------------------------
# The tests run the optimised build, as it ships: on two cores the Debug build's unoptimised code (the
# handlers, the Razor pages) cost a tenth of the run. Test hosts live for minutes, so profile-guided
# re-JIT (tiered PGO) costs them more in instrumented code than it ever pays back.
export DOTNET_TieredPGO=0
say "Building"
dotnet build Nyckelfri.slnx -c Release -nologo || die "the build failed"

say "Testing"
# Three test assemblies on two cores. The integration tests (the most tests, on both databases) start
# first and run to the end; the browser tests (one app, one Chromium, one test at a time) run beside
# them, and the unit tests (seconds) after the browser tests. Each writes its own log; the summary adds
# them up and fails when an assembly did not report.
logs=$(mktemp -d "${TMPDIR:-/tmp}/nyckelfri-test.XXXXXX")
run_tests() { # name project
  local status=0
  dotnet test "$2" -c Release --no-build -nologo 2>&1 | tee "$logs/$1.log" || status=$?
  echo "$status" >"$logs/$1.status"
}
run_tests integration tests/Nyckelfri.IntegrationTests &
integration=$!
run_tests browser tests/Nyckelfri.BrowserTests
run_tests unit tests/Nyckelfri.UnitTests
wait "$integration" || true

status=0
for name in integration browser unit; do
  code=$(cat "$logs/$name.status" 2>/dev/null || echo 1)
  [ "$code" = 0 ] || { echo "test.sh: the $name tests exited with $code" >&2; status=1; }
done

# One line per test assembly: "Passed!  - Failed:     0, Passed:    18, Skipped:     0, Total:    18, ..."
read -r passed failed skipped assemblies < <(
  cat "$logs"/*.log | grep -E '^\s*(Passed|Failed)! +- +Failed: ' | sed -E 's/.*Failed: *([0-9]+), *Passed: *([0-9]+), *Skipped: *([0-9]+).*/\1 \2 \3/' |
    awk '{ f += $1; p += $2; s += $3; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')
rm -rf "$logs"

echo
[ "$assemblies" = 3 ] || { echo "test.sh: expected 3 test assemblies to report, got $assemblies" >&2; status=1; }
[ "$passed" -gt 0 ] || echo "test.sh: no test passed (assemblies reporting: $assemblies)" >&2
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ]
