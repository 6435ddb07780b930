#!/usr/bin/env bash
# Issues 6 and 14 benchmark: builds the standalone jar and the benchmark, then measures vidcut against raw ffmpeg
# and a direct S3 put in one run (< 15 minutes on 2 cores), with the service's own CPU and the time it spends
# outside ffmpeg per task. Results and method: docs/benchmark.md.
#
#   scripts/benchmark.sh                  # build everything, then run
#   scripts/benchmark.sh --skip-build     # reuse standalone/target/standalone.jar as it is
#   scripts/benchmark.sh --jfr=true       # also record a flight recording of the standalone JVM
#
# Other --name=value options are passed to the benchmark: --keyframe-runs=5 --encode-runs=2 --upload-runs=2
# --load-threads=2 --load-connections=16 --load-seconds=10 --warmup-seconds=20 --start-seconds=180 --work-dir=benchmark/target/run
# --media-cache=benchmark/target/media --rows=keyframe,encode,smart,upload,direct-upload,webhook,events,status,etag (keyframe always runs)
# --env.NAME=VALUE (extra environment for the standalone jar, for what-if runs, e.g. --env.VIDCUT_STORAGE_PARTSIZE=64MB)
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
args=()
for arg in "$@"; do
  if [[ "$arg" == "--skip-build" ]]; then build=false; else args+=("$arg"); fi
done

install_if_missing() {
  local tool=$1 package=$2
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $package (needs root and apt)" >&2
    apt-get install -y "$package" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$package" >/dev/null; }
  fi
}
install_if_missing ffmpeg ffmpeg
install_if_missing wrk wrk
for tool in java jcmd jstat ffmpeg ffprobe wrk; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

if [[ "$build" == true ]]; then
  echo "building standalone/target/standalone.jar" >&2
  # forceCreation: otherwise an existing standalone.jar counts as "already repackaged" and keeps stale services
  # formatting is checked by ./mvnw verify, not here: a colleague's unformatted file must not stop a measurement
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -Dmaven.jar.forceCreation=true
elif [[ ! -f standalone/target/standalone.jar ]]; then
  echo "standalone/target/standalone.jar is missing: run without --skip-build" >&2
  exit 2
fi
./mvnw -B -q -f benchmark/pom.xml package -DskipTests -Dspotless.check.skip=true

exec java -jar benchmark/target/vidcut-benchmark.jar --jar=standalone/target/standalone.jar "${args[@]}"
