#!/usr/bin/env bash
# Whole-process figures for `clausier build` (issue 16), with public tools
# only: /usr/bin/time (GNU time) for wall time and peak memory, medians of
# RUNS runs. What `cargo bench` cannot show: process start-up, output
# written and synced, memory as the system sees it.
#
#   benches/corpus.sh [RUNS]        (default 5; the binary is built first)
#
# Cases, each on a copy of the shipped corpus in a scratch folder:
#   fresh        build --fresh: every artifact rendered
#   no-change    build again with nothing changed: reused artifacts
#   emptied      the output removed, its artifact cache kept: copied back
#   one-clause   a clause heading edited before each run, build --draft
#   history-N    N DPA releases (the shipped 3, 20, 50; HISTORIES="3 50 100"
#                for others), made with `clausier release` on the copy, built
#                fresh, then rebuilt with no change; then how much higher the
#                longest history's peak is than the shortest's
#   serve        `clausier serve`: a clause saved, until the page is reloaded
#                with it (benches/serve_latency.py, Python's standard library)
#   peer         where PEER_PYTHON names a Python with pandoc and typst
#                (`python3 -m venv /tmp/peer && /tmp/peer/bin/pip install
#                pypandoc_binary typst`): pandoc then typst turning the French
#                DPA's clauses alone into a PDF, the fastest pipeline
#                a legal team could use instead; and the ratio of clausier's
#                fresh build of the whole corpus to it
# Nothing here is run by the tests: timings depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --quiet
bin="$PWD/target/release/clausier"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

copy_corpus() {
  mkdir -p "$1"
  cp -r corpus.yaml annexes checklists contracts locales releases "$1"/
}

# Runs "$@" RUNS times; prints the median wall time and peak memory.
measure() {
  local name="$1"; shift
  local times=() memories=()
  for _ in $(seq "$runs"); do
    # Untimed, before each run: what the case starts from.
    [ -n "${before_each:-}" ] && eval "$before_each"
    if ! /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" >/dev/null 2>"$scratch/stderr"; then
      printf '%-22s failed: %s\n' "$name" "$(tail -n 1 "$scratch/stderr")"
      last_time=""; last_memory=""
      return
    fi
    read -r seconds kilobytes < "$scratch/time"
    times+=("$seconds"); memories+=("$kilobytes")
  done
  local median=$(( (runs + 1) / 2 ))
  local time memory
  time=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "${median}p")
  memory=$(printf '%s\n' "${memories[@]}" | sort -n | sed -n "${median}p")
  printf '%-22s %7s s  %6s MiB\n' "$name" "$time" "$((memory / 1024))"
  last_time="$time"
  last_memory="$memory"
}

# Releases the DPA `count` times more, each with one commitment changed.
add_releases() {
  local root="$1" count="$2" version
  for i in $(seq "$count"); do
    sed -i "s/^audit_notice: .*/audit_notice: $((15 + i)) working days/" "$root/annexes/commitments.yaml"
    version="1.$((2 + i))"
    "$bin" release dpa "$version" --root "$root" --effective "$(date -d "2027-03-01 + $i days" +%F)" \
      --summary-fr "Préavis d'audit modifié ($i)." --summary-en "Audit notice changed ($i)." >/dev/null
  done
}

echo "clausier $(git rev-parse --short HEAD), $(nproc) cores, medians of $runs"
root="$scratch/corpus"
copy_corpus "$root"
measure "fresh" "$bin" build --root "$root" --out "$scratch/out" --fresh -q
fresh_time="$last_time"
"$bin" build --root "$root" --out "$scratch/out" -q
measure "no-change" "$bin" build --root "$root" --out "$scratch/out" -q
# The output removed, its cache kept (`rm -rf out`, or CI restoring
# .out.cache/): every file copied from the artifact cache.
before_each='rm -rf "$scratch/out"' measure "emptied (cache)" "$bin" build --root "$root" --out "$scratch/out" -q
emptied_time="$last_time"
# A new heading for clause `duration` before each run, so that each one
# renders the DPA again.
measure "one-clause (draft)" bash -c \
  'sed -i "s/^# [^{]*{#duration}/# Durée $(date +%s%N) {#duration}/" "$0/contracts/dpa/fr.md" &&
   "$1" build --root "$0" --out "$2" --draft -q' "$root" "$bin" "$scratch/out"

# The shipped DPA has 3 releases; the longer histories add the rest.
histories=(${HISTORIES:-3 20 50})
shortest="${histories[0]}" longest="${histories[-1]}"
for releases in "${histories[@]}"; do
  root="$scratch/history-$releases"
  copy_corpus "$root"
  add_releases "$root" $(( releases - 3 ))
  measure "history-$releases fresh" "$bin" build --root "$root" --out "$scratch/out-$releases" --fresh -q
  [ "$releases" = "$shortest" ] && shortest_peak="$last_memory"
  [ "$releases" = "$longest" ] && longest_peak="$last_memory"
  "$bin" build --root "$root" --out "$scratch/out-$releases" -q
  measure "history-$releases no-change" "$bin" build --root "$root" --out "$scratch/out-$releases" -q
done

# What each release adds to a fresh build's peak (1.00 times, and 0 MiB
# per release, if memory did not grow with the history).
if [ -n "${shortest_peak:-}" ] && [ -n "${longest_peak:-}" ] && [ "$longest" -gt "$shortest" ]; then
  awk -v a="$shortest_peak" -v b="$longest_peak" -v s="$shortest" -v l="$longest" \
    'BEGIN { printf "history: peak with %d releases %.2f times with %d; %.2f MiB more per release\n", l, b / a, s, (b - a) / 1024 / (l - s) }'
fi

copy_corpus "$scratch/serve"
python3 benches/serve_latency.py "$bin" "$scratch/serve" "$runs"

if [ -n "${PEER_PYTHON:-}" ]; then
  pandoc="$("$PEER_PYTHON" -c 'import pypandoc; print(pypandoc.get_pandoc_path())')"
  measure "peer: pandoc + typst" bash -c \
    '"$0" -f markdown -t typst --standalone -o "$2/peer.typ" "$1" &&
     "$3" -c "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])" "$2/peer.typ" "$2/peer.pdf"' \
    "$pandoc" contracts/dpa/fr.md "$scratch" "$PEER_PYTHON"
  if [ -n "$last_time" ] && [ -n "$fresh_time" ] && [ -n "$emptied_time" ]; then
    awk -v a="$fresh_time" -v c="$emptied_time" -v b="$last_time" \
      'BEGIN { printf "whole corpus / peer'"'"'s French DPA: fresh %.2f, emptied output (cache) %.2f\n", a / b, c / b }'
  fi
fi
