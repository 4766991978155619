#!/usr/bin/env bash
# Trains a model with our CLI and with the PyTorch reference at the same settings (The Time
# Machine, first 10000 tokens, batch 32, 35 steps, lr 1, theta 1, sequential partitioning) and
# prints tokens/s of both and their ratio.
#
# usage: bench/train-vs-torch.sh [EPOCHS=5] [HIDDEN_SIZES="256 512"] [RUNS=3]
#        TORCH_THREADS=1 bench/train-vs-torch.sh   (the reference defaults to 2 threads; ours uses 1)
#        IMPL=concise CELL=rnn bench/train-vs-torch.sh 3 256   (library layers against nn.RNN)
#        IMPL=concise CELL=gru bench/train-vs-torch.sh 3 256   (the reference has no GRU or LSTM:
#                                                                ours only)
# needs: /usr/bin/python3 with torch (apt-get install python3-torch), a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-5}
HIDDEN_SIZES=${2:-"256 512"}
RUNS=${3:-3}
CORPUS=${CORPUS:-../shared/corpora/timemachine.txt}
REF=${REF:-../shared/bench/ref_rnn_torch.py}
TORCH_THREADS=${TORCH_THREADS:-2}
IMPL=${IMPL:-scratch}
CELL=${CELL:-rnn}
if [ -z "${JAVA:-}" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/temurin-21-jdk-amd64/bin/java "$(command -v java)"; do
    if [ -x "$j" ]; then JAVA=$j; break; fi
  done
fi

if [ ! -f target/cp.txt ] || [ ! -d target/classes/org/rnnplayground/cli ]; then
  ./mvnw -q -B -Dvaadin.skip compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP="target/classes:$(cat target/cp.txt)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -n "s/.*\"$1\": \\([0-9.]*\\).*/\\1/p"; }

echo "$IMPL $CELL; ours: 1 thread; torch: $TORCH_THREADS threads; medians of $RUNS runs, run in turn"
printf '%-7s %-8s %12s %12s %7s %10s %10s\n' hidden epochs ours_tok_s torch_tok_s ratio ours_ppl torch_ppl
for h in $HIDDEN_SIZES; do
  ours=(); torch=(); ours_ppl=""; torch_ppl=""
  for _ in $(seq "$RUNS"); do
    line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$JAVA" -cp "$CP" org.rnnplayground.cli.TrainCommand train \
      --corpus "$CORPUS" --impl "$IMPL" --cell "$CELL" --hidden "$h" --epochs "$EPOCHS" --json 2>/dev/null \
      | grep '^{"impl"')
    ours+=("$(echo "$line" | field tokens_per_s)"); ours_ppl=$(echo "$line" | field perplexity)
    if [ "$CELL" = rnn ]; then
      line=$(/usr/bin/python3 "$REF" "$CORPUS" --impl "$IMPL" --hidden "$h" --epochs "$EPOCHS" --threads "$TORCH_THREADS")
      torch+=("$(echo "$line" | field tokens_per_s)"); torch_ppl=$(echo "$line" | field perplexity)
    else
      torch+=(0); torch_ppl="-"
    fi
  done
  o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${torch[@]}" | median)
  echo "  runs, ours: ${ours[*]}; torch: ${torch[*]}" >&2
  ratio=$([ "$t" = 0 ] && echo 0 || echo "$o / $t" | bc -l)
  printf '%-7s %-8s %12.0f %12.0f %7.2f %10s %10s\n' "$h" "$EPOCHS" "$o" "$t" "$ratio" "$ours_ppl" "$torch_ppl"
done
