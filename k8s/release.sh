#!/usr/bin/env bash
# Pins the released image in the prod overlay: the pom version as the tag and the registry's digest.
#
#   k8s/release.sh --digest sha256:<64 hex>     # CI: the digest the push step printed (docker/build-push-action
#                                               # outputs.digest, `crane digest`, `docker buildx --metadata-file`)
#   k8s/release.sh --push                       # by hand: build the jar and the image, push it, read the digest
#   k8s/release.sh --check                      # fails while the overlay still has the placeholder digest
#
# Options: --overlay DIR (default k8s/overlays/prod), --image NAME (default ghcr.io/publiclegal/public-legal-services).
# The version is the pom's; a -SNAPSHOT is refused. The script edits only the `newTag:` and `digest:` lines of
# the overlay's images entry for the image; commit the change with the release tag.
set -euo pipefail
cd "$(dirname "$0")/.."

overlay=k8s/overlays/prod
image=ghcr.io/publiclegal/public-legal-services
mode=""
digest=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --digest) mode=set; digest="$2"; shift 2 ;;
    --push) mode=push; shift ;;
    --check) mode=check; shift ;;
    --overlay) overlay="$2"; shift 2 ;;
    --image) image="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
file="$overlay/kustomization.yaml"
[[ -f "$file" ]] || { echo "no $file" >&2; exit 2; }
placeholder="sha256:$(printf '0%.0s' {1..64})"

if [[ "$mode" == check ]]; then
  current=$(awk -v img="$image" '$0 ~ "name: "img {f=1} f && /digest:/ {print $2; exit}' "$file")
  if [[ ! "$current" =~ ^sha256:[0-9a-f]{64}$ || "$current" == "$placeholder" ]]; then
    echo "$file: the image digest is not set (${current:-none}); run k8s/release.sh --digest … first" >&2
    exit 1
  fi
  echo "$file: $image pinned at $current"
  exit 0
fi

# the project's own version: the first <version> after <artifactId> of the project (not the parent's)
version=$(awk '/<parent>/{p=1} /<\/parent>/{p=0; next} !p && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
if [[ -z "$version" || "$version" == *-SNAPSHOT ]]; then
  echo "pom.xml version '$version' is not a release: set a release version first" >&2
  exit 1
fi

if [[ "$mode" == push ]]; then
  ./mvnw -q package -DskipTests
  docker build -f src/main/docker/Dockerfile.jvm -t "$image:$version" .
  docker push "$image:$version"
  digest=$(docker inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' "$image:$version" \
    | grep "^$image@" | head -1 | sed 's/.*@//')
elif [[ "$mode" != set ]]; then
  echo "usage: k8s/release.sh --digest sha256:<64 hex> | --push | --check [--overlay DIR] [--image NAME]" >&2
  exit 2
fi

if [[ ! "$digest" =~ ^sha256:[0-9a-f]{64}$ || "$digest" == "$placeholder" ]]; then
  echo "not an image digest: '$digest'" >&2
  exit 1
fi

awk -v img="$image" -v tag="$version" -v dig="$digest" '
  $0 ~ "- name: "img"$" { inside = 1; print; next }
  inside && /^  - name:/ { inside = 0 }
  inside && /newTag:/ { sub(/newTag:.*/, "newTag: " tag) }
  inside && /digest:/ { sub(/digest:.*/, "digest: " dig); done = 1 }
  { print }
  END { if (!done) exit 3 }' "$file" > "$file.tmp" || { rm -f "$file.tmp"; echo "$file: no images entry for $image" >&2; exit 1; }
mv "$file.tmp" "$file"
echo "$file: $image:$version@$digest"
