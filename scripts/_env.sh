# Shared set-up for the scripts: a venv with the pinned dependencies, and the pinned npm assets.
# Sourced, not run. Re-installs only when the pins change, so repeated runs are quick.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

ensure_python() {
  local extras="$1" stamp="$VENV/.mcframe-installed-$1"
  if [[ ! -x "$VENV/bin/python" ]]; then
    "$PY" -m venv "$VENV"
  fi
  local want
  want="$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    echo "setting up Python dependencies ($extras)..." >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.lock
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e ".[${extras}]"
    echo "$want" > "$stamp"
  fi
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
