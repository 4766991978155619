#!/usr/bin/env bash
# Trains each model with our CLI and with the PyTorch reference at the same settings (The Time
# Machine, first 10000 tokens, batch 32, 35 steps, lr 1, theta 1, sequential partitioning), the
# reference at 1 and at 2 threads, all runs of a model taken in turn; prints the medians of tokens/s
# and the ratio of ours on 1 thread (the app's setting) against the reference's faster setting.
# Then, in the same run: one training step of
# each model timed on its own (StepBench step), and the sgemm rate of one core at the benchmark's
# sizes (StepBench sgemm), measured before and after the training runs.
#
# usage: bench/train-vs-torch.sh [EPOCHS=5] [RUNS=3] [MODELS]
#   MODELS: entries impl:cell:layers:hidden, default
#     "scratch:rnn:1:256 scratch:rnn:1:512 concise:rnn:1:256 concise:gru:1:256 concise:lstm:1:256
#      concise:rnn:2:256 concise:gru:2:256 concise:lstm:2:256"
#   OURS_THREADS="1 2"   also trains ours on 2 threads (a lone run on both cores); default "1"
#   STEP=0 / SGEMM=0     skips the one-step timings / the sgemm rates
# needs: /usr/bin/python3 with torch (apt-get install python3-torch), a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-5}
RUNS=${2:-3}
MODELS=${3:-"scratch:rnn:1:256 scratch:rnn:1:512 concise:rnn:1:256 concise:gru:1:256 concise:lstm:1:256 concise:rnn:2:256 concise:gru:2:256 concise:lstm:2:256"}
OURS_THREADS=${OURS_THREADS:-1}
STEP=${STEP:-1}
SGEMM=${SGEMM:-1}
CORPUS=${CORPUS:-../shared/corpora/timemachine.txt}
REF=${REF:-../shared/bench/ref_rnn_torch.py}
PYTHON=${PYTHON:-/usr/bin/python3}
if [ -z "${JAVA:-}" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/temurin-21-jdk-amd64/bin/java "$(command -v java)"; do
    if [ -x "$j" ]; then JAVA=$j; break; fi
  done
fi

if [ -z "${CLASSES:-}" ]; then
  if [ ! -f target/cp.txt ] || [ ! -d target/classes/org/rnnplayground/cli ]; then
    ./mvnw -q -B -Dvaadin.skip compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
  fi
  CLASSES=target/classes
fi
CP="$CLASSES:$(cat target/cp.txt)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -n "s/.*\"$1\": \\([0-9.]*\\).*/\\1/p"; }
java1() { OMP_NUM_THREADS=$1 OPENBLAS_NUM_THREADS=$1 "$JAVA" -cp "$CP" "${@:2}" 2>/dev/null; }

sgemm() {
  for h in $(for m in $MODELS; do echo "${m##*:}"; done | sort -un); do
    java1 1 org.rnnplayground.cli.StepBench sgemm --hidden "$h" --threads 1 | grep '^{'
  done
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
[ "$SGEMM" = 1 ] && { echo "sgemm, one thread, before (GFLOP/s):"; sgemm; }

echo "training, $EPOCHS epochs, medians of $RUNS runs taken in turn; ours: threads $OURS_THREADS; torch: 1 and 2"
printf '%-22s %8s %8s %8s %8s %7s %7s %8s %8s\n' model ours_t1 ours_t2 torch_t1 torch_t2 best ratio ours_ppl torch_ppl
for m in $MODELS; do
  IFS=: read -r impl cell layers h <<<"$m"
  o1=(); o2=(); t1=(); t2=(); ours_ppl=""; torch_ppl=""
  for _ in $(seq "$RUNS"); do
    for th in $OURS_THREADS; do
      line=$(java1 "$th" org.rnnplayground.cli.TrainCommand train --corpus "$CORPUS" --impl "$impl" --cell "$cell" \
        --layers "$layers" --hidden "$h" --epochs "$EPOCHS" --threads "$th" --json | grep '^{"impl"')
      v=$(echo "$line" | field tokens_per_s); ours_ppl=$(echo "$line" | field perplexity)
      if [ "$th" = 1 ]; then o1+=("$v"); else o2+=("$v"); fi
    done
    for th in 1 2; do
      line=$("$PYTHON" "$REF" "$CORPUS" --impl "$impl" --cell "$cell" --layers "$layers" --hidden "$h" \
        --epochs "$EPOCHS" --threads "$th")
      v=$(echo "$line" | field tokens_per_s); torch_ppl=$(echo "$line" | field perplexity)
      if [ "$th" = 1 ]; then t1+=("$v"); else t2+=("$v"); fi
    done
  done
  echo "  $m runs: ours 1 thread ${o1[*]:-}; ours 2 threads ${o2[*]:-}; torch 1 thread ${t1[*]}; torch 2 threads ${t2[*]}" >&2
  mo1=$([ ${#o1[@]} -gt 0 ] && printf '%s\n' "${o1[@]}" | median || echo 0)
  mo2=$([ ${#o2[@]} -gt 0 ] && printf '%s\n' "${o2[@]}" | median || echo 0)
  mt1=$(printf '%s\n' "${t1[@]}" | median); mt2=$(printf '%s\n' "${t2[@]}" | median)
  best=$(echo "if ($mt1 >= $mt2) 1 else 2" | bc); mt=$([ "$best" = 1 ] && echo "$mt1" || echo "$mt2")
  printf '%-22s %8.0f %8.0f %8.0f %8.0f %7s %7.2f %8s %8s\n' "$m" "$mo1" "$mo2" "$mt1" "$mt2" "t$best" \
    "$(echo "$mo1 / $mt" | bc -l)" "$ours_ppl" "$torch_ppl"
done

if [ "$STEP" = 1 ]; then
  echo "one training step, ours, 1 thread (median of rounds after a warm-up):"
  for m in $MODELS; do
    IFS=: read -r impl cell layers h <<<"$m"
    java1 1 org.rnnplayground.cli.StepBench step --corpus "$CORPUS" --impl "$impl" --cell "$cell" \
      --layers "$layers" --hidden "$h" --threads 1 | grep '^{'
  done
fi
[ "$SGEMM" = 1 ] && { echo "sgemm, one thread, after (GFLOP/s):"; sgemm; }
