#!/usr/bin/env bash
# Trains each model with our CLI and with the PyTorch reference at the same settings (The Time
# Machine, first 10000 tokens, batch 32, 35 steps, lr 1, theta 1, sequential partitioning), the
# reference at 1 and at 2 threads, all runs of a model taken in turn; prints the medians of tokens/s
# and the ratios of ours on 1 thread (the app's setting) against the reference's faster setting:
#   cold: our CLI's training run in a fresh JVM, as the reference is run (the JIT compiles during
#         the first epochs: 5 epochs of 10000 tokens are only 40 steps);
#   warm: one training step of the same model timed after a warm-up (StepBench step), as a server
#         that has trained before runs it.
# Also in the same run: the sgemm rate of one core at the benchmark's sizes (StepBench sgemm),
# before and after the training runs.
#
# usage: bench/train-vs-torch.sh [EPOCHS=5] [RUNS=3] [MODELS]
#   MODELS: entries impl:cell:layers:hidden, default
#     "scratch:rnn:1:256 scratch:rnn:1:512 concise:rnn:1:256 concise:gru:1:256 concise:lstm:1:256
#      concise:rnn:2:256 concise:gru:2:256 concise:lstm:2:256"
#   OURS_THREADS="1 2"   also runs ours with --threads 2 (a lone run: a second core for each step's
#                        work beside the recurrence, see model.SpareCores), cold and warm; default "1"
#   SGEMM=0              skips the sgemm rates
# needs: /usr/bin/python3 with torch (apt-get install python3-torch), a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-5}
RUNS=${2:-3}
MODELS=${3:-"scratch:rnn:1:256 scratch:rnn:1:512 concise:rnn:1:256 concise:gru:1:256 concise:lstm:1:256 concise:rnn:2:256 concise:gru:2:256 concise:lstm:2:256"}
OURS_THREADS=${OURS_THREADS:-1}
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
# BLAS on one thread per call always: --threads 2 means a second core for a lane, not BLAS threads
java1() { OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$JAVA" -cp "$CP" "${@:2}" 2>/dev/null; }

sgemm() {
  for h in $(for m in $MODELS; do echo "${m##*:}"; done | sort -un); do
    java1 1 org.rnnplayground.cli.StepBench sgemm --hidden "$h" --threads 1 | grep '^{'
  done
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
[ "$SGEMM" = 1 ] && { echo "sgemm, one thread, before (GFLOP/s):"; sgemm; }

echo "training, $EPOCHS epochs from a fresh process (cold), and one step timed after a warm-up (warm); medians of $RUNS runs"
echo "taken in turn; ours: threads $OURS_THREADS; torch: 1 and 2 threads (2 only once when its first run is under half of 1)"
printf '%-20s %8s %8s %8s %8s %8s %8s %4s %6s %6s %7s %7s %8s %8s\n' model cold_t1 cold_t2 warm_t1 warm_t2 torch_t1 torch_t2 best \
  cold_x warm_x cold2_x warm2_x ours_ppl torch_ppl
for m in $MODELS; do
  IFS=: read -r impl cell layers h <<<"$m"
  o1=(); o2=(); w1=(); w2=(); t1=(); t2=(); ours_ppl=""; torch_ppl=""; steps=()
  for run in $(seq "$RUNS"); do
    for th in $OURS_THREADS; do
      line=$(java1 "$th" org.rnnplayground.cli.TrainCommand train --corpus "$CORPUS" --impl "$impl" --cell "$cell" \
        --layers "$layers" --hidden "$h" --epochs "$EPOCHS" --threads "$th" --json | grep '^{"impl"')
      v=$(echo "$line" | field tokens_per_s); ours_ppl=$(echo "$line" | field perplexity)
      if [ "$th" = 1 ]; then o1+=("$v"); else o2+=("$v"); fi
    done
    for th in $OURS_THREADS; do
      line=$(java1 1 org.rnnplayground.cli.StepBench step --corpus "$CORPUS" --impl "$impl" --cell "$cell" \
        --layers "$layers" --hidden "$h" --threads "$th" | grep '^{')
      if [ "$th" = 1 ]; then w1+=("$(echo "$line" | field tokens_per_s)"); else w2+=("$(echo "$line" | field tokens_per_s)"); fi
      steps+=("$line")
    done
    for th in 1 2; do
      if [ "$th" = 2 ] && [ "$run" -gt 1 ] && [ "$(echo "${t2[0]} * 2 < ${t1[0]}" | bc)" = 1 ]; then continue; fi
      line=$("$PYTHON" "$REF" "$CORPUS" --impl "$impl" --cell "$cell" --layers "$layers" --hidden "$h" \
        --epochs "$EPOCHS" --threads "$th")
      v=$(echo "$line" | field tokens_per_s); torch_ppl=$(echo "$line" | field perplexity)
      if [ "$th" = 1 ]; then t1+=("$v"); else t2+=("$v"); fi
    done
  done
  {
    echo "  $m runs: cold 1 thread ${o1[*]:-}; cold 2 threads ${o2[*]:-}; warm ${w1[*]}; warm 2 threads ${w2[*]:-}; torch 1 thread ${t1[*]}; torch 2 threads ${t2[*]}"
    printf '    %s\n' "${steps[@]}"
  } >&2
  mo1=$([ ${#o1[@]} -gt 0 ] && printf '%s\n' "${o1[@]}" | median || echo 0)
  mo2=$([ ${#o2[@]} -gt 0 ] && printf '%s\n' "${o2[@]}" | median || echo 0)
  mw1=$(printf '%s\n' "${w1[@]}" | median)
  mw2=$([ ${#w2[@]} -gt 0 ] && printf '%s\n' "${w2[@]}" | median || echo 0)
  mt1=$(printf '%s\n' "${t1[@]}" | median); mt2=$(printf '%s\n' "${t2[@]}" | median)
  best=$(echo "if ($mt1 >= $mt2) 1 else 2" | bc); mt=$([ "$best" = 1 ] && echo "$mt1" || echo "$mt2")
  printf '%-20s %8.0f %8.0f %8.0f %8.0f %8.0f %8.0f %4s %6.2f %6.2f %7.2f %7.2f %8s %8s\n' "$m" "$mo1" "$mo2" "$mw1" "$mw2" \
    "$mt1" "$mt2" "t$best" "$(echo "$mo1 / $mt" | bc -l)" "$(echo "$mw1 / $mt" | bc -l)" \
    "$(echo "$mo2 / $mt" | bc -l)" "$(echo "$mw2 / $mt" | bc -l)" "$ours_ppl" "$torch_ppl"
done

[ "$SGEMM" = 1 ] && { echo "sgemm, one thread, after (GFLOP/s):"; sgemm; }
