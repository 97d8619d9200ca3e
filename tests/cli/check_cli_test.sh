#!/usr/bin/env bash
# End-to-end test of newsroom-check (registered in ctest as cli.check):
#   bash check_cli_test.sh NEWSROOM_CHECK FIXTURES_DIR SAMPLE_EXPORT
# Runs the checker on the fixtures and the sample export and checks exit statuses and
# output with grep. Every mismatch is reported; the script exits 1 when there was any.
set -u

if [ $# -ne 3 ]; then
  echo "usage: $0 NEWSROOM_CHECK FIXTURES_DIR SAMPLE_EXPORT" >&2
  exit 2
fi
check=$1
fixtures=$2
sample=$3

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
what=""

fail() {
  echo "FAIL [$what]: $*" >&2
  echo "  --- stdout ---" >&2
  sed 's/^/  /' "$tmp/out" >&2
  echo "  --- stderr ---" >&2
  sed 's/^/  /' "$tmp/err" >&2
  failures=$((failures + 1))
}

# run DESCRIPTION ARGS...: runs the checker, output in $tmp/out and $tmp/err, status in $rc.
run() {
  what=$1
  shift
  "$check" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

status_is() { [ "$rc" -eq "$1" ] || fail "exit status $rc, expected $1"; }
out_has() { grep -qF -- "$1" "$tmp/out" || fail "stdout lacks: $1"; }
out_matches() { grep -qE -- "$1" "$tmp/out" || fail "stdout does not match: $1"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks: $1"; }
out_lacks() { if grep -qF -- "$1" "$tmp/out"; then fail "stdout should not contain: $1"; fi; }
lines_are() {
  local n
  n=$(wc -l <"$tmp/out")
  [ "$n" -eq "$1" ] || fail "$n lines on stdout, expected $1"
}
# Every line of stdout is one JSON object.
json_lines() {
  if grep -qvE '^\{.*\}$' "$tmp/out"; then fail "a stdout line is not a JSON object"; fi
}

clean=$fixtures/check_clean.json
bad=$fixtures/check_bad_record.json
truncated=$fixtures/check_truncated.json
previous=$fixtures/check_previous.json
current=$fixtures/check_current.json
missing=$tmp/no-such-export.json

# A clean export: exit 0.
run "clean" "$clean"
status_is 0
out_has "loaded 3 · skipped 0 · errors 0 · warnings 0"
out_has "OK: no problems"
run "clean --json" --json "$clean"
status_is 0
lines_are 1
json_lines
out_has '"loaded":3'
out_has '"skipped":0'
out_has '"problems":[]'
out_has '"format":"newsroom-export"'

# One bad record: loaded with problems, exit 1, the problem named by record, id and field.
run "bad record" "$bad"
status_is 1
out_has "loaded 2 · skipped 1 · errors 1"
out_has "record 1 (id 102) · published_at: "
run "bad record --json" --json "$bad"
status_is 1
lines_are 1
json_lines
out_has '"loaded":2'
out_has '"skipped":1'
out_has '"record":1,'
out_has '"field":"published_at"'
out_has '"id":"102"'
out_has '"severity":"error"'

# A truncated file: unusable, exit 2, the message names the byte offset.
run "truncated" "$truncated"
status_is 2
out_matches 'not valid JSON at byte [0-9]+'
out_has "UNUSABLE"
run "truncated --json" --json "$truncated"
status_is 2
lines_are 1
json_lines
out_has '"loaded":0'
out_matches '"record":-1,"severity":"error"'
out_matches 'at byte [0-9]+'

# A missing file: exit 2, still one JSON line for it with --json.
run "missing" "$missing"
status_is 2
out_has "cannot open the file"
run "missing --json" --json "$missing"
status_is 2
lines_are 1
json_lines
out_has "\"file\":\"$missing\""

# Several files: one line each; the worst status wins.
run "clean + bad --json" --json "$clean" "$bad"
status_is 1
lines_are 2
json_lines
run "clean + missing" "$clean" "$missing"
status_is 2
out_has "1 file unusable"

# Command-line usage.
run "no arguments"
status_is 2
err_has "usage:"
run "unknown option" --frobnicate "$clean"
status_is 2
err_has "usage:"
run "--previous with two files" "$clean" "$bad" --previous "$previous"
status_is 2
err_has "usage:"
run "--previous without its file" "$clean" --previous
status_is 2
run "--help" --help
status_is 0
out_has "usage:"

# --previous: what the new export changes.
run "--previous" "$current" --previous "$previous"
status_is 0
out_has "7.0 days between the exports"
out_has "added 1: 111"
out_has "removed 1: 110"
out_has "edited 2: 102 (title) · 103 (pinned)"
out_has "id 104: 128 → 118 (-10)"
out_has "SUSPICIOUS JUMPS: 1 article"
out_has "id 105 \"베트남 지방정부 대표단 방문\": 100 → 50,000 (+49,900)"
run "--previous --json" --json "$current" --previous "$previous"
status_is 0
lines_are 1
json_lines
out_has '"diff":{'
out_has '"added":1,"added_ids":[111]'
out_has '"removed":1,"removed_ids":[110]'
out_has '"edited":2,"edited_ids":[102,103]'
out_has '"views_down":[{"after":118,"before":128,"gain":-10,"id":104}]'
out_has '"jumps":[{"after":50000,"before":100,"gain":49900,"id":105,"title":"베트남 지방정부 대표단 방문"}]'
run "--previous with the roles swapped" --json "$previous" --previous "$current"
status_is 0
out_has '"added_ids":[110]'
out_has '"removed_ids":[111]'
out_has '"jumps":[]'
run "--previous missing" "$current" --previous "$missing"
status_is 2
out_has "cannot compare with"
run "--previous missing --json" --json "$current" --previous "$missing"
status_is 2
lines_are 1
out_has '"diff":{"error":'

# The real sample export is clean.
run "sample" "$sample"
status_is 0
out_has "OK: no problems"
out_lacks "UNUSABLE"
run "sample --json" --json "$sample"
status_is 0
lines_are 1
json_lines
out_has '"problems":[]'

# Limits (src/io/limits.h), as the page applies them.
# A million empty records: a problem each is counted, the first thousand listed in full.
python3 - "$tmp/empty.json" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"articles":[{"id":1,"title":"t","published_at":"2024-01-02"}' + ',{}' * 1000000 + ']}')
PY
run "a million empty records" "$tmp/empty.json"
status_is 1
out_has "loaded 1 · skipped 1,000,000 · errors 3000000"
out_has "and 2,999,000 more problems not listed"
[ "$(wc -c <"$tmp/out")" -lt 400000 ] || fail "the report is $(wc -c <"$tmp/out") bytes for a 3 MB file"
run "a million empty records --json" --json "$tmp/empty.json"
status_is 1
lines_are 1
out_has '"problem_count":3000000'
out_has '"unlisted":[{"count":'
[ "$(wc -c <"$tmp/out")" -lt 400000 ] || fail "the JSON report is $(wc -c <"$tmp/out") bytes for a 3 MB file"

# One bad JSON Lines line costs only itself.
python3 - "$tmp/lines.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(1, 1001):
        f.write("{'id':%d}\n" % i if i == 500 else '{"id":%d,"title":"t","published_at":"2024-01-02"}\n' % i)
PY
run "a bad JSON Lines line" "$tmp/lines.jsonl"
status_is 1
out_has "loaded 999 · skipped 1"
out_has "(line 500, column 2)"

# A file over the export limit is refused without reading it all.
truncate -s 600M "$tmp/huge.json"
run "a file over the export limit" "$tmp/huge.json"
status_is 2
out_has "the file is 600 MB, over the limit of 512 MB for an export"

# --image: the board image to publish beside the export, with the file's time as the server
# will say it; an unusable export gets none, and the option wants one file.
cp "$clean" "$tmp/articles.json"
touch -d "2026-11-30 09:00:00 UTC" "$tmp/articles.json"
run "an image to publish" "$tmp/articles.json" --image "$tmp/articles.board"
status_is 0
out_has "board image written to $tmp/articles.board"
[ "$(head -c 8 "$tmp/articles.board" 2>/dev/null)" = "NRBOARD" ] || fail "the image does not start with its magic"
grep -qaF "Mon, 30 Nov 2026 09:00:00 GMT" "$tmp/articles.board" || fail "the image lacks the export's Last-Modified"
run "an image as JSON" --json "$tmp/articles.json" --image "$tmp/again.board"
json_lines
out_has "\"image\":\"$tmp/again.board\""
cmp -s "$tmp/articles.board" "$tmp/again.board" || fail "the same export gave another image"
run "no image of an unusable export" "$truncated" --image "$tmp/broken.board"
status_is 2
out_has "no board image: the export is unusable"
[ ! -e "$tmp/broken.board" ] || fail "an image was written for an unusable export"
run "an image of two files" "$clean" "$bad" --image "$tmp/two.board"
status_is 2
err_has "--image writes the image of one export file"

if [ "$failures" -ne 0 ]; then
  echo "check_cli_test: $failures check(s) failed" >&2
  exit 1
fi
echo "check_cli_test: all checks passed"
