#!/usr/bin/env bash
# Soak run of the fault-injection scenario (not part of ./mvnw verify): creates TASKS tasks (default 1000)
# while worker processes are SIGKILLed and restarted and the broker connections are cut once, then prints
#   tasks N, done N, failed-final N, lost 0, duplicated 0
# Usage: scripts/soak.sh [TASKS] [DEADLINE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
tasks=${1:-1000}
deadline=${2:-3600}
./mvnw -B -q install -DskipTests
./mvnw -B -pl standalone verify -Dtest=FaultInjectionTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dvidcut.fault.tasks="$tasks" -Dvidcut.fault.deadline-seconds="$deadline" | tee target-soak.log \
  | grep -E "tasks [0-9]+, done|Tests run:|BUILD"
