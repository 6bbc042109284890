#!/usr/bin/env bash
# Start (or stop) a local PostgreSQL and S3 store on 127.0.0.1 for trying a multi-machine lake:
#   make lake-servers        then paste the printed exports;   make lake-servers-stop
# PostgreSQL is Debian's postgresql package (apt-get install postgresql); the S3 store is
# moto's server from the dev extras. Their files live under $LAKE_DIR (default .lake/). moto keeps
# the objects in memory, so each start begins a new, empty lake: the catalog database is made anew
# too, or it would list data files the store no longer holds.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=$(realpath -m "${LAKE_DIR:-.lake}")
PG_PORT=${PG_PORT:-5433}
S3_PORT=${S3_PORT:-5555}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
start)
    [ -n "$BIN" ] || { echo "no PostgreSQL server: apt-get install postgresql" >&2; exit 1; }
    mkdir -p "$DIR/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR/pg"
    [ -f "$DIR/pg/data/PG_VERSION" ] || as_pg "$BIN/initdb" -D "$DIR/pg/data" -A trust -U newsfacts -E UTF8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$DIR/pg/data" -o "-h 127.0.0.1 -p $PG_PORT -k $DIR/pg" -l "$DIR/pg/log" -w start >/dev/null
    "$BIN/dropdb" --if-exists -h 127.0.0.1 -p "$PG_PORT" -U newsfacts newsfacts
    "$BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U newsfacts newsfacts
    nohup .venv/bin/moto_server -H 127.0.0.1 -p "$S3_PORT" >"$DIR/moto.log" 2>&1 &
    echo $! >"$DIR/moto.pid"
    for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$S3_PORT/" && break; sleep 0.2; done
    curl -sf -X PUT "http://127.0.0.1:$S3_PORT/news-lake" >/dev/null
    cat <<EXPORTS
# A new, empty lake: PostgreSQL on 127.0.0.1:$PG_PORT, S3 (moto, in memory: stopping it forgets the
# lake) on 127.0.0.1:$S3_PORT, bucket news-lake. Then:
export NEWSFACTS_CATALOG='postgres:dbname=newsfacts host=127.0.0.1 port=$PG_PORT user=newsfacts'
export NEWSFACTS_DATA_PATH='s3://news-lake/newsfacts/'
export AWS_ENDPOINT_URL=http://127.0.0.1:$S3_PORT AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local   # moto takes any; use your own for a real store
EXPORTS
    ;;
stop)
    [ -f "$DIR/moto.pid" ] && kill "$(cat "$DIR/moto.pid")" 2>/dev/null && rm -f "$DIR/moto.pid"
    [ -n "$BIN" ] && [ -d "$DIR/pg/data" ] && as_pg "$BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null || true
    ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
