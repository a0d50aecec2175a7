#!/usr/bin/env bash
# Runs the benchmarks of docs/performance.md on this machine and keeps every result under
# rules-bench/target/results/ (JMH's text and JSON, the harnesses' output, the machine and the load
# average before and after each part). Benchmarks, not tests: CI never runs this.
#
#   rules-bench/run-benchmarks.sh                 # everything (about 25 minutes on 2 cores)
#   rules-bench/run-benchmarks.sh assess heap     # only the parts named
#
# Parts: assess (single referral: latency, percentiles, throughput on 1 and 2 threads, floor),
# growth (throughput per rule-set version), batch (100,000 referrals), impact (100,000 referrals,
# 1.0.0 against 1.1.0), waitlist (10k, 100k, 1M entries, with -prof gc), heap (the 1M review's peak
# heap, sampled), memory (10,000,000 entries under -Xmx512m; MEMORY_ENTRIES to change), coldstart (fresh JVMs: first decision; the CLI end to end if its jar exists),
# coldstart-tuned (the first decision with a class-data-sharing archive and C1 only).
#
# Environment: MVN_FLAGS (default -o; empty to let Maven download JMH once), SKIP_BUILD=1 to reuse
# rules-bench/target/benchmarks.jar, CLI (the cold-start command line, see ColdStart),
# COLD_RUNS (default 10), JMH_FLAGS (added to every JMH run, e.g. "-f 2"; for assess and growth it
# replaces their iteration settings, so "-wi 1 -w 1s -i 1 -r 1s" is a quick look).
set -euo pipefail
cd "$(dirname "$0")/.."

parts=("$@")
if [ ${#parts[@]} -eq 0 ]; then
    parts=(assess growth batch impact waitlist heap coldstart coldstart-tuned)
fi
results=rules-bench/target/results
jar=rules-bench/target/benchmarks.jar
mkdir -p "$results"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # shellcheck disable=SC2086
    mvn -B -q ${MVN_FLAGS--o} -pl rules-bench -am -Pbench -DskipTests package
fi

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "os: $(uname -srm)"
    java -version 2>&1 | sed 's/^/java: /'
} > "$results/machine.txt"
cat "$results/machine.txt"

load() { echo "load average ($1): $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/load.txt"; }
jmh() {
    local name=$1
    shift
    load "$name start"
    # shellcheck disable=SC2086
    java -jar "$jar" "$@" ${JMH_FLAGS:-} -rf json -rff "$results/$name.json" 2>&1 | tee "$results/$name.txt"
    load "$name end"
}

# The single-referral benchmarks' own settings, which JMH_FLAGS replaces rather than repeats (JMH
# refuses an option given twice).
single=""
[ -n "${JMH_FLAGS:-}" ] || single="-wi 5 -w 3s -i 5 -r 2s"

for part in "${parts[@]}"; do
    case "$part" in
        assess)
            # The engine needs longer than the default to reach its steady state (many generated
            # classes to compile), hence five 3-second warm-up iterations.
            # shellcheck disable=SC2086
            jmh assess 'bench\.AssessBenchmark\.' -p version=1.0.0 $single ;;
        growth)
            # shellcheck disable=SC2086
            jmh growth 'bench\.AssessBenchmark\.(assess|floor)Throughput1$' -p version=1.0.0,1.1.0 $single ;;
        batch)
            jmh batch 'BatchAssessBenchmark' ;;
        impact)
            jmh impact 'ImpactAnalysisBenchmark' ;;
        waitlist)
            jmh waitlist 'WaitingListBenchmark' -prof gc ;;
        heap)
            load "heap start"
            java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
                org.mskrules.bench.WaitingListReviewBenchmark 1000000 5 2>&1 | tee "$results/heap.txt"
            load "heap end" ;;
        memory)
            # Issue 15: 10,000,000 entries under a 512 MB heap, whole review and every line reported.
            load "memory start"
            java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" \
                org.mskrules.bench.WaitingListMemoryHarness "${MEMORY_ENTRIES:-10000000}" 2>&1 | tee "$results/memory.txt"
            load "memory end" ;;
        coldstart)
            load "coldstart start"
            java -cp "$jar" org.mskrules.bench.ColdStart --runs "${COLD_RUNS:-10}" \
                ${CLI:+--cli "$CLI"} 2>&1 | tee "$results/coldstart.txt"
            load "coldstart end" ;;
        coldstart-tuned)
            # The first decision with JVM options for short-lived processes: an application
            # class-data-sharing archive made by one run, and the C1 compiler only.
            load "coldstart-tuned start"
            archive=rules-bench/target/first-decision.jsa
            rm -f "$archive"
            java -XX:ArchiveClassesAtExit="$archive" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$jar" \
                org.mskrules.bench.FirstDecision examples/referral-ankle-fracture-rehabilitation.json 2026-11-23 \
                > /dev/null 2>&1
            java -cp "$jar" org.mskrules.bench.ColdStart --runs "${COLD_RUNS:-10}" --cli none.jar \
                --java-options "-XX:SharedArchiveFile=$archive -XX:TieredStopAtLevel=1" 2>&1 \
                | tee "$results/coldstart-tuned.txt"
            load "coldstart-tuned end" ;;
        *)
            echo "unknown part [$part]; parts: assess growth batch impact waitlist heap coldstart coldstart-tuned" >&2
            exit 2 ;;
    esac
done
echo "results in $results"
