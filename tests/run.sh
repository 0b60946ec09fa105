#!/usr/bin/env bash
# The one test command (README "Test"; .ci/run ends with it).
# Installs what the tests need when it is missing, builds once, runs every test project in tests/
# (benchmarks excepted), and ends with one line: `N passed, N failed[, N skipped]`.
# Exits non-zero if a test fails, a project fails to build or run, a check fails, or no test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
results="$root/artifacts/test-results"
project_timeout=${AGRILINK_TEST_PROJECT_TIMEOUT:-15m}   # whole project, a last guard
hang_timeout=${AGRILINK_TEST_HANG_TIMEOUT:-5m}           # one test that stops making progress
start=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "${CI:-}" ]; then
  # Nothing may outlive the run in CI: no MSBuild nodes or compiler server left holding the output.
  export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false
fi

say() { printf '\n==> %s\n' "$*"; }
elapsed() { local s=$((SECONDS - start)); printf '%dm%02ds' $((s / 60)) $((s % 60)); }

# --- packages -------------------------------------------------------------------------------------
# ensure_packages NAME...: tests/packages.sh (apt-get waits for another package manager's lock, and says so if it never comes).
. "$root/tests/packages.sh"

# --- services the tests need ----------------------------------------------------------------------
# THE place for test dependencies: install and start them here (PostgreSQL 15, Redis, Chromium, ...).
# Each must be started by this script: CI begins on a machine where nothing of the project runs.
prepare_services() {
  if ! start_postgres; then
    problems+=("PostgreSQL 15 could not be started: the PostgreSQL tests will fail (AGRILINK_TEST_POSTGRES unset)")
    failed=$((failed + 1))
  fi
  if ! start_redis; then
    problems+=("Redis could not be started: the cluster tests will fail (AGRILINK_TEST_REDIS unset)")
    failed=$((failed + 1))
  fi
  if ! start_s3; then
    problems+=("s3rver could not be started: the S3 object store tests will fail (AGRILINK_TEST_S3 unset)")
    failed=$((failed + 1))
  fi
}

# on_exit COMMAND: runs COMMAND when the script exits, however it exits (services started here stop there).
exit_hooks=()
on_exit() {
  exit_hooks+=("$1")
  trap 'for hook in "${exit_hooks[@]}"; do $hook || true; done' EXIT
}

# free_port: a loopback TCP port nothing listens on now (the service may still lose it to a racer: retry then).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# start_postgres: a throwaway PostgreSQL 15 cluster of this run's own on a free loopback port (no Unix socket
# in a shared place, fsync off: nothing here must outlive the run), with database agrilink_test. Exports
# AGRILINK_TEST_POSTGRES, an Npgsql connection string for a superuser, so tests can create databases of their own.
postgres_dir= postgres_ctl=
start_postgres() {
  ensure_packages postgresql-15
  local bin=/usr/lib/postgresql/15/bin as=() password port attempt
  # PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user the package created.
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  postgres_dir=$(mktemp -d /tmp/agrilink-pg.XXXXXX)
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$postgres_dir/pwfile"
  [ ${#as[@]} -eq 0 ] || chown -R postgres:postgres "$postgres_dir"
  chmod 700 "$postgres_dir"
  say "PostgreSQL 15: new cluster in $postgres_dir"
  "${as[@]}" "$bin/initdb" -D "$postgres_dir/data" -U agrilink --pwfile="$postgres_dir/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$postgres_dir/initdb.log" \
    || { cat "$postgres_dir/initdb.log" >&2; return 1; }
  postgres_ctl=("${as[@]}" "$bin/pg_ctl" -D "$postgres_dir/data")
  on_exit stop_postgres
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if "${postgres_ctl[@]}" -l "$postgres_dir/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k $postgres_dir -c fsync=off -c full_page_writes=off -c max_connections=400" >/dev/null; then
      break
    fi
    [ "$attempt" -lt 5 ] || { cat "$postgres_dir/server.log" >&2; return 1; }
  done
  PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U agrilink -d postgres -qAt \
    -c "CREATE DATABASE agrilink_test" >/dev/null || return 1
  export AGRILINK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=agrilink;Password=$password;Database=agrilink_test"
  echo "PostgreSQL listening on 127.0.0.1:$port (AGRILINK_TEST_POSTGRES)"
}

stop_postgres() {
  [ -n "$postgres_dir" ] || return 0
  "${postgres_ctl[@]}" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$postgres_dir"
  postgres_dir=
}

# start_redis: a throwaway Redis for the cluster tests (silo membership, the web nodes' gateway list and
# data-protection keys) on a free loopback port of its own, in memory only (no RDB/AOF), stopped at exit.
# Exports AGRILINK_TEST_REDIS=127.0.0.1:PORT; tests use a cluster id of their own, so nothing collides.
redis_dir=
start_redis() {
  ensure_packages redis-server
  redis_dir=$(mktemp -d /tmp/agrilink-redis.XXXXXX)
  on_exit stop_redis
  local port attempt i
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" || return 1
    for i in $(seq 50); do
      if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
        export AGRILINK_TEST_REDIS="127.0.0.1:$port"
        echo "Redis listening on $AGRILINK_TEST_REDIS (AGRILINK_TEST_REDIS)"
        return 0
      fi
      sleep 0.1
    done
    stop_redis_server
  done
  cat "$redis_dir/redis.log" >&2
  return 1
}

stop_redis_server() {
  if [ -f "$redis_dir/redis.pid" ]; then kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true; rm -f "$redis_dir/redis.pid"; fi
}

stop_redis() {
  [ -n "$redis_dir" ] || return 0
  stop_redis_server
  rm -rf "$redis_dir"
  redis_dir=
}

# start_s3: an S3-compatible server for the photo object store's contract tests: s3rver from npm (the version
# below), installed into a folder of this run's own and started on a free loopback port, its objects in that
# folder, stopped and removed at exit. Exports AGRILINK_TEST_S3=http://127.0.0.1:PORT (its credentials are
# s3rver's fixed S3RVER/S3RVER); the tests make buckets of their own.
s3rver_version=3.7.1
s3_dir= s3_pid=
start_s3() {
  command -v npm >/dev/null || ensure_packages nodejs npm
  s3_dir=$(mktemp -d /tmp/agrilink-s3.XXXXXX)
  on_exit stop_s3
  say "s3rver $s3rver_version: installing into $s3_dir"
  (cd "$s3_dir" && npm install --no-audit --no-fund --no-save "s3rver@$s3rver_version" >"$s3_dir/npm.log" 2>&1) \
    || { cat "$s3_dir/npm.log" >&2; return 1; }
  local port attempt i
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    "$s3_dir/node_modules/.bin/s3rver" -d "$s3_dir/data" -a 127.0.0.1 -p "$port" --silent >"$s3_dir/s3rver.log" 2>&1 &
    s3_pid=$!
    for i in $(seq 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        export AGRILINK_TEST_S3="http://127.0.0.1:$port"
        echo "s3rver listening on $AGRILINK_TEST_S3 (AGRILINK_TEST_S3)"
        return 0
      fi
      kill -0 "$s3_pid" 2>/dev/null || break
      sleep 0.1
    done
    stop_s3_server
  done
  cat "$s3_dir/s3rver.log" >&2
  return 1
}

stop_s3_server() {
  if [ -n "$s3_pid" ]; then kill "$s3_pid" 2>/dev/null || true; wait "$s3_pid" 2>/dev/null || true; s3_pid=; fi
}

stop_s3() {
  [ -n "$s3_dir" ] || return 0
  stop_s3_server
  rm -rf "$s3_dir"
  s3_dir=
}

# --- the counting ---------------------------------------------------------------------------------
passed=0 failed=0 skipped=0 ran=0
problems=() notes=()

# counter TRX NAME: the value of one attribute of the TRX file's <Counters .../> element (0 if absent).
counter() {
  local value
  value=$({ grep -o '<Counters [^>]*>' "$1" || true; } | head -n 1 | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p")
  echo "${value:-0}"
}

# skipped TRX: tests reported as not executed. xunit's skips are results with outcome NotExecuted
# while the Counters element leaves notExecuted at 0, so count the results and take the larger.
skipped_in() {
  local results from_counter
  results=$({ grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$1" || true; } | wc -l)
  from_counter=$(counter "$1" notExecuted)
  echo $((results > from_counter ? results : from_counter))
}

# prepare_browser: Debian's Chromium for the browser tests (tests/AgriLink.Browser.Tests drive it through Playwright
# at /usr/bin/chromium; Playwright never downloads a browser of its own), and a CJK font so pages render Chinese and
# the printed notices (web tests) have a font to embed.
prepare_browser() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if ! ensure_packages chromium fonts-wqy-microhei; then
    problems+=("chromium or fonts-wqy-microhei could not be installed: the browser tests and the printed-notice tests will fail")
  fi
}

# --- checks that are not xunit tests --------------------------------------------------------------
# Each failing check counts as one failure in the summary line.
check_compose() {
  say "Check: docker/compose.yaml is valid"
  if ! ensure_packages docker-compose; then
    problems+=("docker-compose could not be installed to validate docker/compose.yaml")
    failed=$((failed + 1))
    return
  fi
  # Every secret is a file named by a variable, with no default: without them compose must refuse; with stand-ins
  # (files of this run's own) the file must be valid.
  local secrets name
  secrets=$(mktemp -d /tmp/agrilink-compose.XXXXXX)
  local vars=(AGRILINK_DB_PASSWORD_FILE AGRILINK_REDIS_PASSWORD_FILE AGRILINK_ELASTIC_PASSWORD_FILE AGRILINK_DATA_PROTECTION_PEM AGRILINK_S3_SECRET_KEY_FILE)
  if env $(printf -- '-u %s ' "${vars[@]}") docker-compose -f docker/compose.yaml config --quiet 2>/dev/null; then
    echo "FAILED: docker/compose.yaml starts without its secrets (a default stands in for one)" >&2
    problems+=("docker/compose.yaml accepts a missing secret (each of ${vars[*]} must be required with \${VAR:?})")
    failed=$((failed + 1))
  fi
  for name in "${vars[@]}"; do echo "stand-in" >"$secrets/$name"; done
  if env $(for name in "${vars[@]}"; do printf '%s=%s ' "$name" "$secrets/$name"; done) \
      docker-compose -f docker/compose.yaml config --quiet; then
    echo "docker/compose.yaml: valid, and refused without its secrets"
  else
    echo "FAILED: docker-compose rejects docker/compose.yaml" >&2
    problems+=("docker/compose.yaml is invalid (docker-compose -f docker/compose.yaml config, with ${vars[*]} set)")
    failed=$((failed + 1))
  fi
  rm -rf "$secrets"
}

# check_images: every Dockerfile in docker/ builds from what it COPYs (tests/docker-images.sh: its build stage's COPYs
# laid out in an empty folder, honouring its .dockerignore, and its dotnet publish run there).
check_images() {
  say "Check: the Dockerfiles in docker/ build from what they copy"
  if bash tests/docker-images.sh; then
    echo "docker/Dockerfile*: every image publishes from its own COPYs"
  else
    echo "FAILED: an image in docker/ does not build from what it copies" >&2
    problems+=("a Dockerfile in docker/ forgets a file its build needs (bash tests/docker-images.sh)")
    failed=$((failed + 1))
  fi
}

finish() {
  say "Finished in $(elapsed)"
  local p
  for p in "${notes[@]}"; do echo "  note: $p"; done
  for p in "${problems[@]}"; do echo "  problem: $p"; done
  if [ "$ran" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "  problem: no test ran"
  fi
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ] && [ "$ran" -gt 0 ]
}

# guarded COMMAND...: runs it under the per-project timeout. `timeout` puts it in a process group of
# its own, out of reach of Ctrl-C, so an interrupt of this script is passed on to that group.
guarded_pid=
guarded() {
  timeout --kill-after=30s "$project_timeout" "$@" &
  guarded_pid=$!
  local rc=0
  wait "$guarded_pid" || rc=$?
  guarded_pid=
  return "$rc"
}
trap 'if [ -n "$guarded_pid" ]; then kill -TERM -- "-$guarded_pid" 2>/dev/null || true; fi; exit 130' INT TERM

# hang_timeout_for NAME: one test's bound. The cluster tests start and kill whole clusters of processes (a few
# minutes each on a busy 2-core machine), so they get AGRILINK_CLUSTER_HANG_TIMEOUT (12m) instead.
hang_timeout_for() {
  case "$1" in
    AgriLink.Cluster.Tests) echo "${AGRILINK_CLUSTER_HANG_TIMEOUT:-12m}" ;;
    *) echo "$hang_timeout" ;;
  esac
}

# --- the run --------------------------------------------------------------------------------------
rm -rf "$results"
mkdir -p "$results"
prepare_services
prepare_browser
check_compose
check_images

say "Build (Release)"
if ! dotnet build AgriLink.sln -c Release; then
  problems+=("dotnet build AgriLink.sln failed: no test project was run")
  failed=$((failed + 1))
  finish
  exit 1
fi

# The browser tests start the product with the README's run command (`dotnet run`, the Debug configuration): built here,
# so that command finds it up to date instead of compiling while other tests run.
say "Build the README's run command (web/AgriLink.Web, Debug)"
if ! dotnet build web/AgriLink.Web; then
  problems+=("dotnet build web/AgriLink.Web (the README's run command) failed")
  failed=$((failed + 1))
fi

projects=()
for csproj in tests/*/*.csproj; do
  case "$csproj" in *Benchmarks*) continue ;; esac
  projects+=("$csproj")
done

for csproj in "${projects[@]}"; do
  name=$(basename "$csproj" .csproj)
  trx="$results/$name.trx"
  say "Test $name ($(elapsed) so far)"
  rc=0
  guarded dotnet test "$csproj" --no-build -c Release \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout "$(hang_timeout_for "$name")" --blame-hang-dump-type none \
    || rc=$?
  if [ ! -f "$trx" ]; then
    why="exit code $rc"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then why="timed out after $project_timeout"; fi
    echo "FAILED: $name wrote no results ($why)" >&2
    problems+=("$name: no results ($why)")
    failed=$((failed + 1))
    continue
  fi
  p=$(counter "$trx" passed)
  f=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
  s=$(skipped_in "$trx")
  e=$(counter "$trx" executed)
  echo "$name: $p passed, $f failed, $s skipped (exit code $rc)"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s)) ran=$((ran + e))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    # The host crashed, hung or was stopped without a failed test to show for it: still a failure.
    problems+=("$name: dotnet test exited with code $rc without a failed test (a crash or a hang: see its output above)")
    failed=$((failed + 1))
  elif [ "$e" -eq 0 ]; then
    notes+=("$name: ran no test")
  fi
done

finish
