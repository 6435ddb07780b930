#!/usr/bin/env bash
# Lists, shows and replays dead-lettered vidcut messages through the RabbitMQ management HTTP API.
#
#   scripts/dead-letters.sh list [--count N]
#   scripts/dead-letters.sh show QUEUE [--count N]
#   scripts/dead-letters.sh replay QUEUE [--count N] [--save FILE]
#
# QUEUE is `jobs` (vidcut.conversion-jobs.dead), `events` (vidcut.task-events.dead) or a full queue name
# (org.vidcut.contracts.Topology).
#
#   list    the message count of both dead-letter queues and one line per message (up to N, default 20):
#           message id, type, why and from where it was dead-lettered, when, and how often
#   show    up to N messages (default 1) in full as JSON: properties, headers, payload
#   replay  takes up to N messages (default all) off the dead-letter queue and publishes each, without its
#           x-death history and with the header x-vidcut-replayed-from, to the exchange and routing key it
#           was first published with (read from x-death). The messages taken are first saved to FILE
#           (default ./dead-letters-QUEUE-UTCTIME.json): if a publish fails, nothing is lost.
#
# list and show leave the messages in the queue (they are fetched and requeued, which marks them redelivered).
# On a quorum queue with a delivery limit every such look counts as a delivery, and RabbitMQ drops a message
# that exceeds the limit: both print the count and warn when a message comes within 5 of it.
# Replay only after fixing what made the messages fail (see "Dead letters" in docs/production.md).
#
# Exit status: 0 done, 1 a replayed message was not routed (it stays in FILE), 2 usage error or the
# management API / queue cannot be reached.
#
# Environment: RABBITMQ_MANAGEMENT_URL (http://127.0.0.1:15672), RABBITMQ_USER / RABBITMQ_PASSWORD
# (guest / guest, which RabbitMQ accepts only on loopback), RABBITMQ_VHOST (/).
set -euo pipefail

base_url="${RABBITMQ_MANAGEMENT_URL:-http://127.0.0.1:15672}"
user="${RABBITMQ_USER:-guest}"
password="${RABBITMQ_PASSWORD:-guest}"
vhost="${RABBITMQ_VHOST:-/}"
dead_queues=(vidcut.conversion-jobs.dead vidcut.task-events.dead)

usage() { sed -n '2,28p' "$0"; }
fail() { echo "$1" >&2; exit 2; }

for tool in curl jq; do
  command -v "$tool" > /dev/null || fail "$tool is needed (apt-get install -y $tool)"
done

urlencode() { jq -rn --arg v "$1" '$v | @uri'; }

# api METHOD PATH [BODY]: the response body on stdout; fails on HTTP errors
api() {
  local args=(-fsS --max-time 30 -u "$user:$password" -X "$1" "$base_url/api/$2")
  if [ $# -gt 2 ]; then
    args+=(-H 'Content-Type: application/json' --data-binary "$3")
  fi
  curl "${args[@]}"
}

queue_name() {
  case "$1" in
    jobs) echo "vidcut.conversion-jobs.dead" ;;
    events) echo "vidcut.task-events.dead" ;;
    *) echo "$1" ;;
  esac
}

vhost_path="$(urlencode "$vhost")"

queue_info() { api GET "queues/$vhost_path/$(urlencode "$1")" 2> /dev/null || return 1; }

# fetch QUEUE COUNT ACKMODE: up to COUNT messages as a JSON array
fetch() {
  api POST "queues/$vhost_path/$(urlencode "$1")/get" \
    "$(jq -cn --argjson count "$2" --arg ackmode "$3" \
      '{count: $count, ackmode: $ackmode, encoding: "auto", truncate: 1000000}')"
}

command="${1:-}"
[ -n "$command" ] || { usage; exit 2; }
shift
queue=""
count=""
save=""
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count="${2:?--count needs a number}"; shift 2 ;;
    --save) save="${2:?--save needs a file name}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) fail "unknown option: $1" ;;
    *) [ -z "$queue" ] || fail "one queue at a time"; queue="$(queue_name "$1")"; shift ;;
  esac
done
case "$count" in
  ''|*[!0-9]*) [ -z "$count" ] || fail "--count must be a number" ;;
esac

api GET overview > /dev/null 2>&1 || fail "management API not reachable at $base_url (is the rabbitmq_management plugin enabled?)"

death_summary='(.properties.headers["x-death"] // [])[0] as $d
  | "message_id=\(.properties.message_id // "-") type=\(.properties.type // "-")"
    + " reason=\($d.reason // "-") from=\($d.queue // "-") exchange=\($d.exchange // "-")"
    + " routing_key=\(($d["routing-keys"] // [])[0] // "-") count=\($d.count // 0)"
    + " at=\(if $d.time then ($d.time | todate) else "-" end) bytes=\(.payload_bytes)"
    + " deliveries=\(.properties.headers["x-delivery-count"] // 0)"'

# warn_delivery_limit QUEUE_INFO MESSAGES: a quorum queue drops what is returned to it more than its limit
warn_delivery_limit() {
  local limit
  limit="$(jq -r '.arguments["x-delivery-limit"] // .effective_policy_definition["delivery-limit"] // empty' <<< "$1")"
  [ -n "$limit" ] || return 0
  jq -r --argjson limit "$limit" '.[] | select((.properties.headers["x-delivery-count"] // 0) + 5 >= $limit)
      | "WARNING: message_id=\(.properties.message_id // "-") has been looked at \(.properties.headers["x-delivery-count"] // 0)"
        + " times; this queue drops it after \($limit): replay it or move it elsewhere"' <<< "$2" >&2
}

case "$command" in
  list)
    [ -z "$queue" ] || fail "list takes no queue: it shows ${dead_queues[*]}"
    for dead in "${dead_queues[@]}"; do
      info="$(queue_info "$dead")" || { echo "$dead: not found in vhost '$vhost'"; continue; }
      total="$(jq -r '.messages // 0' <<< "$info")"
      # the statistics trail the queue by seconds: what is fetched counts too
      messages="$(fetch "$dead" "${count:-20}" ack_requeue_true)"
      fetched="$(jq length <<< "$messages")"
      echo "$dead (vhost $vhost): $(( fetched > total ? fetched : total )) message(s)"
      jq -r "to_entries[] | \"  #\(.key + 1) \" + (.value | $death_summary)" <<< "$messages"
      warn_delivery_limit "$info" "$messages"
    done
    ;;
  show)
    [ -n "$queue" ] || fail "show needs a queue: jobs, events or a queue name"
    info="$(queue_info "$queue")" || fail "queue '$queue' not found in vhost '$vhost'"
    messages="$(fetch "$queue" "${count:-1}" ack_requeue_true)"
    warn_delivery_limit "$info" "$messages"
    jq '[.[] | {
        routing_key, redelivered, payload_bytes, payload_encoding, properties,
        payload: (if .payload_encoding == "string" then (.payload | fromjson? // .) else .payload end)}]' <<< "$messages"
    ;;
  replay)
    [ -n "$queue" ] || fail "replay needs a queue: jobs, events or a queue name"
    queue_info "$queue" > /dev/null || fail "queue '$queue' not found in vhost '$vhost'"
    # "all": the management API's get stops at the first empty basic.get
    take="${count:-100000}"
    save="${save:-./dead-letters-$queue-$(date -u +%Y%m%dT%H%M%SZ).json}"
    # taken off the queue here: written to the file before anything is published
    fetch "$queue" "$take" ack_requeue_false > "$save"
    taken="$(jq length "$save")"
    if [ "$taken" -eq 0 ]; then
      rm -f "$save"
      echo "$queue: nothing to replay"
      exit 0
    fi
    echo "took $taken message(s) off $queue, saved to $save"
    unrouted=0
    for i in $(seq 0 $((taken - 1))); do
      message="$(jq -c ".[$i]" "$save")"
      exchange="$(jq -r '(.properties.headers["x-death"] // [])[0].exchange // .exchange // ""' <<< "$message")"
      routing_key="$(jq -r '((.properties.headers["x-death"] // [])[0]["routing-keys"] // [])[0] // .routing_key' <<< "$message")"
      body="$(jq -c --arg from "$queue" '{
          routing_key: ((.properties.headers["x-death"] // [])[0]["routing-keys"] // [.routing_key])[0],
          payload, payload_encoding,
          properties: (.properties
            | .headers = ((.headers // {}) | del(.["x-death"], .["x-delivery-count"], .["x-first-death-exchange"],
                .["x-first-death-queue"], .["x-first-death-reason"]) | .["x-vidcut-replayed-from"] = $from)
            | .delivery_mode = 2)}' <<< "$message")"
      id="$(jq -r '.properties.message_id // "-"' <<< "$message")"
      if [ -z "$exchange" ]; then
        echo "  message_id=$id: no original exchange in its x-death header: left in $save" >&2
        unrouted=$((unrouted + 1))
        continue
      fi
      if result="$(api POST "exchanges/$vhost_path/$(urlencode "$exchange")/publish" "$body" 2>&1)" \
          && [ "$(jq -r '.routed' <<< "$result")" = "true" ]; then
        echo "  message_id=$id: replayed to exchange $exchange, routing key $routing_key"
      else
        echo "  message_id=$id: NOT replayed to exchange $exchange ($result): left in $save" >&2
        unrouted=$((unrouted + 1))
      fi
    done
    if [ "$unrouted" -gt 0 ]; then
      echo "$unrouted message(s) not replayed; they are in $save" >&2
      exit 1
    fi
    ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
