#!/usr/bin/env bash
# Runs the PostgreSQL backup and restore commands exactly as docs/operations.md gives them:
#   a database seeded with the demo street (votes, ledgers, uploaded files) is dumped with
#   `pg_dump -Fc`, restored into an empty database with
#   `pg_restore --clean --if-exists --no-owner --single-transaction -d …` and then restored again
#   over the restored copy; each command must exit 0 and every table must hold the same rows.
#   The restored copy starts with the server secret the original was set up with, and refuses
#   another (the dump holds no key).
#
#   scripts/check-pg-restore.sh postgres://…/source postgres://…/empty-target
#
# The source database is emptied first, so its name must end in _test…, _bench or _restore….
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=${1:?usage: check-pg-restore.sh SOURCE_URL EMPTY_TARGET_URL}
TARGET=${2:?usage: check-pg-restore.sh SOURCE_URL EMPTY_TARGET_URL}
[[ $SOURCE =~ _(test[0-9]*|bench|restore[a-z0-9_]*)$ ]] || { echo "refusing to empty $SOURCE (name must end in _test, _bench or _restore…)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export JW_SECRET="check-pg-restore: a secret that is not in the database"
jiangwan() { node bin/jiangwan.js "$@"; }

echo "▶ seeding $SOURCE"
psql -q -v ON_ERROR_STOP=1 "$SOURCE" -c 'set client_min_messages = warning' -c 'drop schema if exists drizzle cascade' -c 'drop schema if exists public cascade' -c 'create schema public'
DATABASE_URL=$SOURCE jiangwan seed-demo >/dev/null # migrates first

# every table's rows, in a stable order, as one digest per table
digest() {
  psql -At -v ON_ERROR_STOP=1 "$1" <<'SQL'
select string_agg(format('select %L as t, count(*) as n, md5(coalesce(string_agg(x::text, %L order by x::text), %L)) as h from %I.%I x', table_schema || '.' || table_name, E'\n', '', table_schema, table_name), ' union all ') as q
from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' \gset
:q order by t;
SQL
}
digest "$SOURCE" > "$work/source.txt"
tables=$(wc -l < "$work/source.txt")
rows=$(awk -F'|' '{ s += $2 } END { print s }' "$work/source.txt")
[ "$tables" -gt 40 ] && [ "$rows" -gt 1000 ] || { echo "the seeded database looks empty ($tables tables, $rows rows)" >&2; exit 1; }

# the documented commands (docs/operations.md "Backups"), with the URLs of this check
DATABASE_URL=$SOURCE
dump="$work/jiangwan-$(date +%F).dump"
echo "▶ pg_dump -Fc"
pg_dump -Fc "$DATABASE_URL" > "$dump"

DATABASE_URL=$TARGET
for round in "into the empty database" "again, over the restored copy"; do
  echo "▶ pg_restore --clean --if-exists --no-owner --single-transaction ($round)"
  pg_restore --clean --if-exists --no-owner --single-transaction -d "$DATABASE_URL" "$dump"
  digest "$TARGET" > "$work/target.txt"
  if ! diff -u "$work/source.txt" "$work/target.txt"; then
    echo "✗ the restored database differs from the original ($round)" >&2
    exit 1
  fi
  echo "  ✓ $tables tables, $rows rows identical"
done

echo "▶ the restored copy starts with the original's secret, and refuses another"
DATABASE_URL=$TARGET jiangwan migrate >/dev/null
if out=$(DATABASE_URL=$TARGET JW_SECRET="another secret that the database has never seen" jiangwan migrate 2>&1); then
  echo "✗ the restored copy accepted another secret" >&2
  exit 1
fi
grep -q 'does not match this database' <<<"$out" || { echo "✗ unexpected refusal: $out" >&2; exit 1; }
echo "✓ backup and restore as documented"
