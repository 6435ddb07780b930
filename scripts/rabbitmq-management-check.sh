#!/usr/bin/env bash
# Shows who consumes the jobs queue, through the RabbitMQ management API, the way an operator sees it in
# the management UI (http://HOST:15672/#/queues).
#
#   scripts/rabbitmq-management-check.sh [--wait SECONDS] [QUEUE]
#
# QUEUE defaults to vidcut.conversion-jobs (org.vidcut.contracts.Topology.JOBS_QUEUE). If the management
# API does not answer and rabbitmq-plugins is available (root on the broker's host), the plugin
# rabbitmq_management is enabled first. --wait polls until the queue has a consumer, because the
# management statistics lag behind the broker by a few seconds.
#
# Prints the queue's message counts and one line per consumer (consumer tag, connection, prefetch).
# Exit status: 0 with at least one consumer, 1 without, 2 when the API or the queue cannot be reached.
#
# Environment: RABBITMQ_MANAGEMENT_URL (http://127.0.0.1:15672), RABBITMQ_USER / RABBITMQ_PASSWORD
# (guest / guest, which RabbitMQ accepts only on loopback), RABBITMQ_VHOST (/).
set -euo pipefail

base_url="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}"
user="${RABBITMQ_USER:-guest}"
password="${RABBITMQ_PASSWORD:-guest}"
vhost="${RABBITMQ_VHOST:-/}"
wait_seconds=0
queue="vidcut.conversion-jobs"

while [ $# -gt 0 ]; do
  case "$1" in
    --wait) wait_seconds="${2:?--wait needs a number of seconds}"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) queue="$1"; shift ;;
  esac
done

if ! command -v jq > /dev/null; then
  echo "jq is needed to read the management API's JSON (apt-get install -y jq)" >&2
  exit 2
fi

urlencode() { jq -rn --arg v "$1" '$v | @uri'; }

api() { curl -fsS --max-time 10 -u "$user:$password" "$base_url/api/$1"; }

management_up() { api overview > /dev/null 2>&1; }

if ! management_up; then
  if command -v rabbitmq-plugins > /dev/null && [ "$(id -u)" -eq 0 ]; then
    echo "management API not reachable at $base_url: enabling rabbitmq_management" >&2
    rabbitmq-plugins enable rabbitmq_management > /dev/null
    for _ in $(seq 1 30); do management_up && break; sleep 1; done
  fi
  if ! management_up; then
    echo "management API not reachable at $base_url (is the rabbitmq_management plugin enabled?)" >&2
    exit 2
  fi
fi

queue_path="queues/$(urlencode "$vhost")/$(urlencode "$queue")"
deadline=$(( $(date +%s) + wait_seconds ))
while :; do
  if ! json="$(api "$queue_path" 2> /dev/null)"; then
    json=""
  fi
  consumers=0
  if [ -n "$json" ]; then
    consumers="$(jq -r '.consumers // 0' <<< "$json")"
  fi
  if [ "$consumers" -gt 0 ] || [ "$(date +%s)" -ge "$deadline" ]; then
    break
  fi
  sleep 1
done

if [ -z "$json" ]; then
  echo "queue '$queue' not found in vhost '$vhost' (no service has declared it yet?)" >&2
  exit 2
fi

jq -r '"queue \(.name) (vhost \(.vhost)): \(.messages_ready // 0) ready, \(.messages_unacknowledged // 0) unacknowledged, \(.consumers // 0) consumer(s)"' <<< "$json"
jq -r '.consumer_details[]? | "  consumer_tag=\(.consumer_tag) connection=\(.channel_details.connection_name // "?") peer=\(.channel_details.peer_host // "?"):\(.channel_details.peer_port // "?") prefetch=\(.prefetch_count) ack_required=\(.ack_required)"' <<< "$json"

if [ "$consumers" -eq 0 ]; then
  echo "no consumer on '$queue': is a converter-worker running and connected?" >&2
  exit 1
fi
