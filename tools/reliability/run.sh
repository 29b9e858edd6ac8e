#!/bin/bash
# Frontdesk reliability run (issue 8): sustained load on the embedded default, then faults during load (model slow
# and down, PostgreSQL restarted, app killed with -9). Loopback only. Report: target/reliability/report.md.
#
#   tools/reliability/run.sh                      # both phases, 10 min sustained at 25 requests/s
#   MINUTES=2 RATE=20 PHASES=faults tools/reliability/run.sh
#
# Needs the JDK 25 under /usr/lib/jvm (as the build) and, for the database restart, PostgreSQL's server binaries
# (Debian: apt-get install -y postgresql); without them the fault phase runs on the embedded H2 and skips that fault.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
OUT=${OUT:-$PWD/target/reliability}
MINUTES=${MINUTES:-10}
RATE=${RATE:-25}
PHASES=${PHASES:-sustained,faults}
STEP=${STEP:-30}
rm -rf "$OUT" && mkdir -p "$OUT"

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests package
JAR=${JAR:-$(ls target/frontdesk-*.jar | grep -v original | head -1)}

PG_ARGS=()
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$PG_BIN" ] && [[ "$PHASES" == *faults* ]]; then
	PGDATA="$OUT/pg"
	PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	mkdir -p "$PGDATA"
	AS=()
	if [ "$(id -u)" = 0 ]; then chown postgres "$PGDATA"; AS=(runuser -u postgres --); fi
	"${AS[@]}" "$PG_BIN/initdb" -D "$PGDATA" -U frontdesk --auth=trust >/dev/null
	"${AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" -l "$PGDATA/server.log" -w start >/dev/null
	"${AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U frontdesk frontdesk
	trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true' EXIT
	PG_CTL="$OUT/pg_ctl.sh"
	printf '#!/bin/bash\nexec %s %s "$@"\n' "${AS[*]}" "$PG_BIN/pg_ctl" > "$PG_CTL" && chmod +x "$PG_CTL"
	PG_ARGS=(--pg-ctl "$PG_CTL" --pg-data "$PGDATA" --pg-url "jdbc:postgresql://127.0.0.1:$PGPORT/frontdesk")
fi

"$JAVA_HOME/bin/java" tools/reliability/Reliability.java --repo . --jar "$JAR" --out "$OUT" --phases "$PHASES" \
	--minutes "$MINUTES" --rate "$RATE" --fault-step-seconds "$STEP" "${PG_ARGS[@]}" \
	--env FRONTDESK_ADMIN_PASSWORD=reliability-admin "$@"
