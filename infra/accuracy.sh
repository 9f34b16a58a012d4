#!/usr/bin/env bash
# Accuracy on the evaluation corpus, in one go: for each set (dev, real/en, real/fr, real/de complete pages) the raw
# tesseract CLI (default settings), then ingest --raw and ingest (default cleanup) with each recogniser mode
# (--engines tesseract and both), each scored with eval, then one table with pages/min and peak memory.
# The real sets keep line-end hyphens as typed, so they are scored with --join-hyphens; fr is read with fra, de with deu.
# SETS="en de" runs only those sets; ENGINES="both" only that mode.
# Usage: infra/accuracy.sh [OUT_DIR]   (default artifacts/accuracy; the corpus is $CORPUS, default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=${CORPUS:-$root/../shared/corpus}
out=${1:-artifacts/accuracy}
[[ -d $corpus/dev && -d $corpus/real/en && -d $corpus/real/fr && -d $corpus/real/de ]] || { echo "error: no corpus at $corpus (set CORPUS)" >&2; exit 1; }

infra/install-deps.sh
dotnet build -c Release src/IngestPipeline.Cli -v quiet -nologo >/dev/null
cli=$root/src/IngestPipeline.Cli/bin/Release/net10.0/ingestpipeline

# set name, ground truth folder, language, eval flags, scans...
run_set() {
  local set=$1 gt=$2 lang=$3 flags=$4; shift 4
  local dir=$out/$set
  rm -rf "$dir" && mkdir -p "$dir/tesseract"
  echo "$set: $# pages"
  # Two single-threaded processes at once: the tesseract CLI as a user would run it, on a 2-core budget.
  printf '%s\n' "$@" | OMP_THREAD_LIMIT=1 xargs -P 2 -I{} sh -c \
    'f="$1"; n=$(basename "$f"); tesseract "$f" "$2/${n%.*}" -l "$3" 2>/dev/null' _ {} "$dir/tesseract" "$lang"
  for engines in "${modes[@]}"; do
    "$cli" ingest "$@" --out "$dir/raw.$engines" --raw --formats txt --lang "$lang" --engines "$engines" >"$dir/raw.$engines.log" 2>&1
    "$cli" ingest "$@" --out "$dir/ingest.$engines" --formats txt --lang "$lang" --engines "$engines" >"$dir/ingest.$engines.log" 2>&1
  done
  for system in "${systems[@]}"; do
    # shellcheck disable=SC2086 # flags is empty or one option
    "$cli" eval --gt "$gt" --out "$dir/$system" $flags >"$dir/$system.eval.txt"
  done
}

complete() { sed "s|^\(.*[^[:space:]]\)[[:space:]]*$|$corpus/real/$1/\1.jpg|" "$corpus/real/$1/complete_pages.txt" | grep '\.jpg$'; }
mapfile -t dev < <(find "$corpus/dev" -maxdepth 1 -name '*.png' | sort)
mapfile -t en < <(complete en)
mapfile -t fr < <(find "$corpus/real/fr" -maxdepth 1 -name '*.jpg' | sort)
mapfile -t de < <(complete de)
sets=(${SETS:-dev en fr de})
modes=(${ENGINES:-tesseract both})
systems=(tesseract)
for engines in "${modes[@]}"; do systems+=("raw.$engines" "ingest.$engines"); done
for set in "${sets[@]}"; do
  case $set in
    dev) run_set dev "$corpus/dev" eng "" "${dev[@]}" ;;
    en) run_set en "$corpus/real/en" eng --join-hyphens "${en[@]}" ;; # eval scores the complete_pages.txt pages by itself
    fr) run_set fr "$corpus/real/fr" fra --join-hyphens "${fr[@]}" ;;
    de) run_set de "$corpus/real/de" deu --join-hyphens "${de[@]}" ;;
    *) echo "error: unknown set $set (dev, en, fr, de)" >&2; exit 2 ;;
  esac
done

echo
printf '%-4s %-15s %7s %7s %7s %13s %13s %7s %9s %8s\n' set system CER WER markers "span recall" precision false pages/min "peak MB"
for set in "${sets[@]}"; do
  for system in "${systems[@]}"; do
    speed="-	-"
    [[ -f $out/$set/$system/ingest-summary.json ]] &&
      speed=$(jq -r '.totals | "\(.pagesPerMinute)\t\(.peakRssMegabytes)"' "$out/$set/$system/ingest-summary.json")
    jq -r --arg set "$set" --arg system "$system" --arg speed "$speed" '.overall as $o
      | def r: if . == null then "n/a" else (. * 10000 | round / 10000 | tostring) end;
      [$set, $system, ($o.cer | r), ($o.wer | r), ($o.hypothesisMarkers | tostring),
       (if $o.spanRecall == null then "n/a" else "\($o.recalledSpans)/\($o.trueSpans)" end),
       (if $o.spanPrecision == null then "n/a" else "\($o.creditedMarkers)/\($o.hypothesisMarkers)" end),
       ($o.falseMarkers | tostring), $speed] | @tsv' "$out/$set/$system/eval-summary.json" |
      awk -F'\t' '{ printf "%-4s %-15s %7s %7s %7s %13s %13s %7s %9s %8s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }'
  done
done
echo "per-page figures: $out/SET/SYSTEM.eval.txt and $out/SET/SYSTEM/eval-summary.json"
