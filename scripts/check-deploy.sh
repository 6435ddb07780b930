#!/usr/bin/env bash
# Checks the deployment files with whatever of the real tools this machine has; needs no cluster, no Docker
# daemon for most checks, and no secrets (the example env files stand in for them, in a scratch copy).
#
#   scripts/check-deploy.sh [--require-all] [--root DIR]
#
#   compose     `docker compose config -q` with .env.example                     (docker compose plugin)
#   kustomize   renders k8s/base, k8s/overlays/example, the example with the HPA component instead of KEDA,
#               and the example with the prometheus-operator component             (kubectl or kustomize)
#   kubeconform validates every rendered manifest against the Kubernetes JSON schemas (KUBERNETES_VERSION,
#               default 1.29.0) and the CRD catalog for KEDA and the Prometheus Operator, strict mode, with
#               kubeconform KUBECONFORM_VERSION (pinned below): a kubeconform on the PATH of exactly that
#               version, else `go run github.com/yannh/kubeconform/cmd/kubeconform@VERSION` (checked against
#               the Go checksum database), else its container image by digest (Docker daemon needed).
#               It downloads the schemas; KUBECONFORM_SCHEMA_LOCATION replaces the default location.
#   promtool    `promtool check config`, `check rules` and `test rules` on monitoring/prometheus
#                                                                               (Debian package prometheus)
#   dashboard   the Grafana dashboard is valid JSON                                  (jq or python3)
#
# A check whose tool is missing is SKIPPED; with --require-all a skip fails the run. --root checks another
# checkout. Exit status: 0 when nothing failed, 1 otherwise, 2 on a usage error.
set -uo pipefail

KUBECONFORM_VERSION="v0.6.6"
# ghcr.io/yannh/kubeconform:v0.6.6-alpine, per platform
KUBECONFORM_IMAGE_AMD64="ghcr.io/yannh/kubeconform@sha256:4f1dc457b117e18ccbd050f58639d4ff9df34a39e26499e22edcd539d43fd152"
KUBECONFORM_IMAGE_ARM64="ghcr.io/yannh/kubeconform@sha256:400aed2c316fb04d48130d5188ffbce8672f6759c19b08afb835e504e32e0124"
KUBERNETES_VERSION="${KUBERNETES_VERSION:-1.29.0}"
CRD_SCHEMAS='https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'

root="$(cd "$(dirname "$0")/.." && pwd)"
require_all=false
while [ $# -gt 0 ]; do
  case "$1" in
    --require-all) require_all=true; shift ;;
    --root) root="$(cd "${2:?--root needs a directory}" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0; failed=0; skipped=0
pass() { echo "PASS  $1"; passed=$((passed + 1)); }
skip() { echo "SKIP  $1: $2"; skipped=$((skipped + 1)); }
fail() { echo "FAIL  $1"; sed 's/^/      /' <<< "$2"; failed=$((failed + 1)); }
have() { command -v "$1" > /dev/null 2>&1; }

# --- compose ---
compose=()
if have docker && docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
elif have docker-compose; then
  compose=(docker-compose)
fi
if [ ${#compose[@]} -eq 0 ]; then
  skip compose "docker compose is not installed"
elif out="$("${compose[@]}" --project-directory "$root" -f "$root/docker-compose.yml" \
    --env-file "$root/.env.example" config -q 2>&1)"; then
  pass "compose: docker-compose.yml with .env.example"
else
  fail "compose: docker-compose.yml with .env.example" "$out"
fi

# --- kustomize, in a scratch copy that holds the example secrets ---
kustomize=()
if have kubectl && kubectl kustomize --help > /dev/null 2>&1; then
  kustomize=(kubectl kustomize)
elif have kustomize; then
  kustomize=(kustomize build)
fi
rendered=()
if [ ${#kustomize[@]} -eq 0 ]; then
  skip kustomize "neither kubectl nor kustomize is installed"
else
  cp -r "$root/k8s" "$work/k8s"
  cp "$work/k8s/overlays/example/secrets.env.example" "$work/k8s/overlays/example/secrets.env"
  cp -r "$work/k8s/overlays/example" "$work/k8s/overlays/check-hpa"
  sed -i 's#components/keda-autoscaling#components/hpa-autoscaling#' "$work/k8s/overlays/check-hpa/kustomization.yaml"
  cp -r "$work/k8s/overlays/example" "$work/k8s/overlays/check-prometheus-operator"
  sed -i 's#^\(\s*- \.\./\.\./components/keda-autoscaling\)$#\1\n  - ../../components/prometheus-operator#' \
    "$work/k8s/overlays/check-prometheus-operator/kustomization.yaml"
  mkdir -p "$work/rendered"
  for variant in base overlays/example overlays/check-hpa overlays/check-prometheus-operator; do
    name="${variant##*/}"
    if out="$("${kustomize[@]}" "$work/k8s/$variant" 2>&1 > "$work/rendered/$name.yaml")"; then
      pass "kustomize: k8s/$variant ($(grep -c '^kind:' "$work/rendered/$name.yaml") objects)"
      rendered+=("$work/rendered/$name.yaml")
    else
      fail "kustomize: k8s/$variant" "$out"
    fi
  done
fi

# --- kubeconform, pinned ---
kubeconform=()
if have kubeconform && [ "$(kubeconform -v 2>&1)" = "$KUBECONFORM_VERSION" ]; then
  kubeconform=(kubeconform)
elif have go; then
  kubeconform=(go run "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION")
elif have docker && docker info > /dev/null 2>&1; then
  case "$(uname -m)" in
    x86_64|amd64) kubeconform=(docker run --rm -i "$KUBECONFORM_IMAGE_AMD64") ;;
    aarch64|arm64) kubeconform=(docker run --rm -i "$KUBECONFORM_IMAGE_ARM64") ;;
  esac
fi
if [ ${#rendered[@]} -eq 0 ]; then
  skip kubeconform "no rendered manifests (kustomize did not run)"
elif [ ${#kubeconform[@]} -eq 0 ]; then
  skip kubeconform "kubeconform $KUBECONFORM_VERSION not available (go install github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION)"
else
  schemas=(-schema-location "${KUBECONFORM_SCHEMA_LOCATION:-default}" -schema-location "$CRD_SCHEMAS")
  for manifests in "${rendered[@]}"; do
    if out="$("${kubeconform[@]}" -strict -summary -kubernetes-version "$KUBERNETES_VERSION" "${schemas[@]}" \
        < "$manifests" 2>&1)"; then
      pass "kubeconform $KUBECONFORM_VERSION: $(basename "$manifests" .yaml): $(tail -1 <<< "$out")"
    else
      fail "kubeconform $KUBECONFORM_VERSION: $(basename "$manifests" .yaml)" "$out"
    fi
  done
fi

# --- promtool ---
prometheus_dir="$root/monitoring/prometheus"
if ! have promtool; then
  skip promtool "promtool is not installed (apt-get install prometheus)"
else
  # the compose file mounts alerts.yml where prometheus.yml expects it; here it is next to it
  sed "s#/etc/prometheus/alerts.yml#$prometheus_dir/alerts.yml#" "$prometheus_dir/prometheus.yml" > "$work/prometheus.yml"
  if out="$(promtool check config "$work/prometheus.yml" 2>&1)"; then
    pass "promtool: monitoring/prometheus/prometheus.yml"
  else
    fail "promtool: monitoring/prometheus/prometheus.yml" "$out"
  fi
  if out="$(cd "$prometheus_dir" && promtool test rules alerts.test.yml 2>&1)"; then
    pass "promtool: monitoring/prometheus/alerts.yml passes alerts.test.yml"
  else
    fail "promtool: monitoring/prometheus/alerts.yml against alerts.test.yml" "$out"
  fi
fi

# --- dashboard ---
dashboard="$root/monitoring/grafana/dashboards/vidcut.json"
if have jq; then
  if out="$(jq empty "$dashboard" 2>&1)"; then pass "dashboard: valid JSON"; else fail "dashboard: JSON" "$out"; fi
elif have python3; then
  if out="$(python3 -m json.tool "$dashboard" 2>&1 > /dev/null)"; then pass "dashboard: valid JSON"; else fail "dashboard: JSON" "$out"; fi
else
  skip dashboard "neither jq nor python3 is installed"
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || { [ "$require_all" = true ] && [ "$skipped" -gt 0 ]; }; then
  exit 1
fi
