#!/usr/bin/env bash
# Generated kernels against Eigen's fixed-size types, in one sitting: ../shared/bench (Eigen), then
# BenchmarkDotNet, then Eigen again, then the ratio table (Markdown) on stdout. Each Eigen figure is the faster
# of its two runs, so a disturbance during one of them never flatters our ratio. Extra arguments go to BenchmarkDotNet.
#   benchmarks/compare-small.sh                       Cholesky, LU and QR (with PivotedQR), every size, double and float (~40 min)
#   FILTER='*LUBenchmarks*' benchmarks/compare-small.sh   one kind only
#   benchmarks/compare-small.sh --iterationCount 7    quicker, noisier
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${SHARED:-$here/../../shared}
out=${OUT:-$here/../BenchmarkDotNet.Artifacts/compare-small}
rm -rf "$out" && mkdir -p "$out"
bash "$shared/bench/run.sh" small > "$out/eigen_small_before.csv"
cd "$here/Decomp.Benchmarks"
filters=('*CholeskyBenchmarks*' '*LUBenchmarks*' '*QRBenchmarks*')
if [ -n "${FILTER:-}" ]; then read -r -a filters <<< "$FILTER"; fi
dotnet run -c Release -- --filter "${filters[@]}" --exporters json --artifacts "$out/bdn" "$@" > "$out/bdn.log"
bash "$shared/bench/run.sh" small > "$out/eigen_small_after.csv"
dotnet run -c Release --no-build -- ratios "$out/bdn/results" "$out/eigen_small_before.csv" "$out/eigen_small_after.csv"
