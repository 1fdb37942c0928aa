#!/usr/bin/env bash
# Distributed check: `stance batch --partial` run through local-mode Apache Spark (RDD.pipe) on 4 JSONL shards,
# the partials merged with `stance merge`, and the report compared byte for byte with one run over all documents.
#
# Usage: scripts/spark_check.sh                 (builds target/debug/stance if STANCE is not given)
#        STANCE=target/release/stance N_DOCS=2000 PYTHON=python3 scripts/spark_check.sh
# Needs Java 17+ and pyspark (pip-installed here if missing; if that fails the check is SKIPPED, loudly, exit 0).
# Exit status: 0 = equal (or skipped), 1 = results differ or Spark failed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
N_DOCS=${N_DOCS:-2000}
if [[ -z "${STANCE:-}" ]]; then
    cargo build --quiet --bin stance
    STANCE=target/debug/stance
fi
STANCE=$(realpath "$STANCE")
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT

if ! "$PY" -c 'import pyspark' 2>/dev/null; then
    echo "spark_check: pyspark missing, installing it (about 75 s)..." >&2
    if ! "$PY" -m pip install --quiet pyspark >&2; then
        echo "==================================================================" >&2
        echo "SKIPPED spark_check: 'pip install pyspark' failed; nothing checked" >&2
        echo "==================================================================" >&2
        exit 0
    fi
fi
if ! command -v java >/dev/null; then
    echo "SKIPPED spark_check: no java on PATH (Spark needs Java 17+)" >&2
    exit 0
fi

export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$PY"   # loopback only; executors use the same Python

# 4 shards of synthetic diplomatic news: speakers, themes, dates, unicode, escaped newlines.
"$PY" - "$W/shards" "$N_DOCS" <<'PY'
import json, os, random, sys
random.seed(11)
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
speakers = ["Vladimir Putin", "Wang Yi", "Sergei Lavrov", "Xi Jinping", "Antonio Guterres", "the minister"]
verbs = ["said", "stressed", "noted", "told reporters"]
clauses = ["the world is moving toward multipolarity", "hegemony and bloc confrontation must end",
           "unilateral sanctions harm ordinary people", "both sides will deepen cooperation and partnership",
           "the talks on the border were constructive", "élan and 外交 matter in diplomacy"]
shards = [open(f"{out}/part-{i}.jsonl", "w", encoding="utf-8") for i in range(4)]
for i in range(n):
    sents = []
    for _ in range(random.randint(1, 12)):
        s = random.choice(speakers)
        sents.append(f"{s} {random.choice(verbs)} that {random.choice(clauses)}.")
        if random.random() < 0.3:
            sents.append(f"He added that {random.choice(clauses)}.")
    text = " ".join(sents) + ("\n\nA new paragraph: \"we agree,\" he said." if i % 7 == 0 else "")
    date = None if i % 13 == 0 else f"20{i % 21:02d}-{i % 12 + 1:02d}-01"
    rec = {"id": f"d{i:05d}", "text": text, "date": date, "meta": {"outlet": f"o{i % 5}"}}
    shards[i % 4].write(json.dumps(rec, ensure_ascii=False) + "\n")
PY

# Reference: one process over every document.
cat "$W"/shards/*.jsonl | "$STANCE" batch --partial --input-format jsonl --group-by year --jobs 1 - > "$W/single.jsonl"

"$PY" - "$STANCE" "$W" <<'PY'
import os, shlex, sys
from pyspark import SparkFiles
from pyspark.sql import SparkSession
stance, w = sys.argv[1], sys.argv[2]
spark = (SparkSession.builder.master("local[2]").config("spark.driver.host", "127.0.0.1")
         .config("spark.driver.bindAddress", "127.0.0.1").config("spark.ui.enabled", "false").getOrCreate())
sc = spark.sparkContext
sc.setLogLevel("ERROR")
sc.addFile(stance)                                    # == spark-submit --files
exe = SparkFiles.get(os.path.basename(stance))        # pipe() runs without a shell and with an empty environment:
cmd = [exe, "batch", "--partial", "--input-format", "jsonl", "--group-by", "year", "--jobs", "1", "-"]  # full path, flags
lines = sc.textFile(f"{w}/shards", minPartitions=4).pipe(shlex.join(cmd), checkCode=True).collect()   # checkCode: no silent loss
spark.stop()
with open(f"{w}/spark.jsonl", "w", encoding="utf-8") as f:
    for l in lines:
        f.write(l + "\n")
PY

docs=$(grep -c '^{"kind":"doc"' "$W/spark.jsonl" || true)
parts=$(grep -c '^{"kind":"partial"' "$W/spark.jsonl" || true)
echo "spark_check: Spark returned $docs document lines in $parts partials" >&2
fail=0
if [[ "$docs" -ne "$N_DOCS" || "$parts" -lt 4 ]]; then
    echo "spark_check: FAILED: expected $N_DOCS documents in at least 4 partials" >&2
    fail=1
fi
if ! diff <(grep '^{"kind":"doc"' "$W/spark.jsonl" | sort) <(grep '^{"kind":"doc"' "$W/single.jsonl" | sort) >/dev/null; then
    echo "spark_check: FAILED: per-document lines differ between Spark and the single run" >&2
    fail=1
fi
for fmt in json csv; do
    "$STANCE" merge --format "$fmt" "$W/spark.jsonl" > "$W/spark.$fmt"
    "$STANCE" merge --format "$fmt" "$W/single.jsonl" > "$W/single.$fmt"
    if ! cmp -s "$W/spark.$fmt" "$W/single.$fmt"; then
        echo "spark_check: FAILED: merged $fmt report differs from the single run:" >&2
        diff "$W/spark.$fmt" "$W/single.$fmt" | head -20 >&2
        fail=1
    fi
done
"$STANCE" batch --format json --input-format jsonl --group-by year --jobs 1 "$W"/shards/*.jsonl > "$W/direct.json"
if ! cmp -s "$W/spark.json" "$W/direct.json"; then
    echo "spark_check: FAILED: merged report differs from 'stance batch' over the shards" >&2
    fail=1
fi
if [[ $fail -eq 0 ]]; then
    echo "spark_check: OK: $docs docs, $parts partials merged == single run (json and csv, byte for byte)"
fi
exit $fail
