# Shared set-up for the scripts: a venv with the pinned dependencies, and the pinned npm assets.
# Sourced, not run. Re-installs only when the pins change, so repeated runs are quick.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

# ensure_python EXTRAS [ENGINE_LOCK]: $VENV with requirements.lock and mcframe[EXTRAS]. With ENGINE_LOCK
# (scripts/test-properdocs), MkDocs and mkdocs-get-deps (which only MkDocs needs) are left out of the
# lock and the engine pinned in ENGINE_LOCK comes instead, installed with --no-deps: mkdocs-material
# and mcframe declare mkdocs, and pip would otherwise bring it back.
ensure_python() {
  local extras="$1" engine="${2:-}" stamp="$VENV/.mcframe-installed-$1"
  if [[ ! -x "$VENV/bin/python" ]]; then
    "$PY" -m venv "$VENV"
  fi
  local want pip=("$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
  want="$(cat requirements.lock pyproject.toml $engine | sha256sum | cut -c1-16)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "setting up Python dependencies ($extras${engine:+, $engine})..." >&2
    if [[ -z "$engine" ]]; then
      "${pip[@]}" -r requirements.lock
    else
      grep -viE '^(mkdocs|mkdocs-get-deps)==' requirements.lock > "$VENV/requirements-without-mkdocs.txt"
      "${pip[@]}" --no-deps -r "$VENV/requirements-without-mkdocs.txt" -r "$engine"
    fi
    "${pip[@]}" --no-deps -e ".[${extras}]"
    echo "$want" > "$stamp"
  fi
}

# The browser tests' Chromium: MCFRAME_CHROMIUM, or Debian's (installed with apt-get when root).
ensure_chromium() {
  if [[ -n "${MCFRAME_CHROMIUM:-}" ]]; then
    return
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Debian's chromium with apt-get..." >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (or set MCFRAME_CHROMIUM to a Chromium binary) and run again." >&2
      exit 1
    fi
  fi
  export MCFRAME_CHROMIUM="$(command -v chromium)"
}

ensure_node_assets() {
  local want
  want="$(sha256sum package-lock.json | cut -c1-16)"
  if [[ -f node_modules/.mcframe-installed && "$(cat node_modules/.mcframe-installed)" == "$want" ]]; then
    return
  fi
  if ! command -v npm >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Node.js and npm with apt-get..." >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "npm is needed for the site's pinned front-end assets: install Node.js (e.g. 'sudo apt-get install nodejs npm') and run again." >&2
      exit 1
    fi
  fi
  echo "installing pinned front-end assets (npm ci)..." >&2
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$want" > node_modules/.mcframe-installed
}
