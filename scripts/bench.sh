#!/usr/bin/env bash
# Benchmark `stance batch` against the Rust floor and the pysbd peer of ../shared/bench (see its README and
# RESULTS.md), on the same inputs with the same 301-term lexicon, as whole processes (bench_time.py: warm-up, n
# runs, alternating A B A B, medians, peak RSS). The stable figure on a shared 2-vCPU machine is work per
# CPU-second, so the report gives MB per CPU-s for both, their ratio, peak RSS, and CPU time at 1 vs 2 threads.
#
# Usage: scripts/bench.sh                       everything (~10-20 min; the corpus is generated once, ~35 s)
#   N=3          counted runs per pair (default 3)
#   N_FILES=20000 BIG_MIB=200                   corpus size (gen_corpus.py)
#   JSONL_MB=1000                               size of the JSONL made from the files for the RSS check (0: skip)
#   PEER=0                                      skip the pysbd peer (needs pip install pysbd pyahocorasick)
# Writes target/bench/bench.log (raw timer output) and prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${SHARED:-$ROOT/../shared}/bench
[[ -d $SHARED ]] || { echo "bench: $SHARED not found (../shared/bench is needed)" >&2; exit 2; }
N=${N:-3}
JSONL_MB=${JSONL_MB:-1000}
PEER=${PEER:-1}
B=$ROOT/target/bench
mkdir -p "$B"
LOG=$B/bench.log
: > "$LOG"

echo "bench: building stance (release)" >&2
cargo build --release --quiet --bin stance
STANCE=$ROOT/target/release/stance

echo "bench: building the Rust floor in target/bench/rust-floor" >&2
rm -rf "$B/rust-floor"
cp -r "$SHARED/rust-floor" "$B/rust-floor"
chmod -R u+w "$B/rust-floor"
(cd "$B/rust-floor" && cargo build --release --quiet)
FLOOR=$B/rust-floor/target/release/rust-floor

# The generator writes next to itself and reads ../seed: give it a writable copy of that layout.
cp "$SHARED"/gen_corpus.py "$SHARED"/lexicon.* "$SHARED"/bench_time.py "$B/"
rm -rf "$B/peers"; cp -r "$SHARED/peers" "$B/peers"
chmod -R u+w "$B"
if [[ -f $SHARED/../seed/putin-wang-yi-xinhua.txt ]]; then
    mkdir -p "$ROOT/target/seed" && cp "$SHARED/../seed/putin-wang-yi-xinhua.txt" "$ROOT/target/seed/"
fi
C=$B/corpus
if [[ ! -f $C/big/news_200mb.txt || ! -d $C/files ]]; then
    echo "bench: generating the corpus (N_FILES=${N_FILES:-20000}, BIG_MIB=${BIG_MIB:-200})" >&2
    (cd "$B" && python3 gen_corpus.py >&2)
fi
if [[ $JSONL_MB -gt 0 && ! -f $C/big/corpus_${JSONL_MB}mb.jsonl ]]; then
    echo "bench: making a ${JSONL_MB} MB JSONL from the files" >&2
    python3 - "$C/files" "$C/big/corpus_${JSONL_MB}mb.jsonl" "$JSONL_MB" <<'PY'
import json, os, sys
src, dst, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 10**6
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs)
n = size = 0
with open(dst, "w", encoding="utf-8") as out:
    while size < limit:
        for p in paths:
            line = json.dumps({"id": f"{n}:{p}", "text": open(p, encoding="utf-8").read(), "date": "2020-01-01"}) + "\n"
            out.write(line); size += len(line.encode()); n += 1
            if size >= limit: break
PY
fi

LEX=$B/lexicon.stance.toml
FLEX=$B/lexicon.txt
bytes() { du -sbL "$1" | cut -f1; }
run() { # label, bytes, bench_time args...
    local label=$1 size=$2; shift 2
    echo "bench: $label" >&2
    { echo; echo "### $label bytes=$size"; python3 "$B/bench_time.py" "$@"; } >> "$LOG" 2>&1
}
S() { echo "$STANCE batch -q --format json --lexicon $LEX $*"; }

read -r l1 l5 l15 _ < /proc/loadavg
echo "load average before: $l1 $l5 $l15" >> "$LOG"
FILES=$C/files BIG=$C/big/news_200mb.txt
for t in 1 2; do
    run "files-j$t" "$(bytes "$FILES")" -n "$N" --vs "env RAYON_NUM_THREADS=$t $FLOOR $FLEX $FILES" -- $(S --jobs $t "$FILES")
    run "big-j$t" "$(bytes "$BIG")" -n "$N" --vs "env RAYON_NUM_THREADS=$t $FLOOR $FLEX $BIG" -- $(S --jobs $t "$BIG")
done
run "threads-files" "$(bytes "$FILES")" -n "$N" --vs "$(S --jobs 1 "$FILES")" -- $(S --jobs 2 "$FILES")
if [[ $JSONL_MB -gt 0 ]]; then
    J=$C/big/corpus_${JSONL_MB}mb.jsonl
    run "jsonl-j2" "$(bytes "$J")" -n 1 --warmup 0 -- $(S --jobs 2 "$J")
fi
if [[ $PEER == 1 ]] && python3 -c 'import pysbd, ahocorasick' 2>/dev/null; then
    run "peer-sub2mb" "$(bytes "$C/sub2mb")" -n 1 --warmup 0 --vs "python3 $B/peers/peer_a_pysbd_aho.py $C/sub2mb" -- $(S --jobs 1 "$C/sub2mb")
elif [[ $PEER == 1 ]]; then
    echo "bench: pysbd peer SKIPPED (pip install pysbd pyahocorasick)" >&2
fi
read -r l1 l5 l15 _ < /proc/loadavg
echo "load average after: $l1 $l5 $l15" >> "$LOG"

python3 - "$LOG" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
print(re.search(r"load average before.*", text).group(0), "|", re.search(r"load average after.*", text).group(0))
print(f"{'run':15} {'MB':>8} {'A cpu s':>8} {'A MB/cpu-s':>11} {'B cpu s':>8} {'B MB/cpu-s':>11} {'A/B cpu':>8} {'A RSS MiB':>9} {'B RSS MiB':>9}")
for block in text.split("### ")[1:]:
    head = block.splitlines()[0]
    label, size = head.split(" bytes=")
    mb = int(size) / 1e6
    def med(who, field):
        m = re.search(rf"^{who} {re.escape(field)}\s+\S+\s+(\S+)", block, re.M)
        return float(m.group(1)) if m else None
    a, b = med("A", "cpu s"), med("B", "cpu s")
    ra, rb = med("A", "peak MiB"), med("B", "peak MiB")
    r = med("A/B", "cpu")
    f = lambda x, p=2: "-" if x is None else f"{x:.{p}f}"
    print(f"{label:15} {mb:8.1f} {f(a):>8} {f(a and mb / a, 1):>11} {f(b):>8} {f(b and mb / b, 1):>11} {f(r, 3):>8} {f(ra, 1):>9} {f(rb, 1):>9}")
print("A = stance (first command of the pair), B = the floor / the peer / stance --jobs 1 (threads-files).")
print("floor ratio = B cpu / A cpu = (A MB/cpu-s) / (B MB/cpu-s); threads-files A/B cpu = CPU(2 threads) / CPU(1).")
PY
