#!/usr/bin/env bash
# Lints the diagrams process owners edit with the rules Camunda Modeler applies to Camunda 7.24
# (bpmnlint's recommended rules and bpmnlint-plugin-camunda-compat): what Modeler would flag,
# an error or a warning, fails the build. Runs with the machine's Node.js (mvn verify, phase
# process-test-classes); .ci/run installs Node where it is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
diagrams="$(cd "$here/../../.." && pwd)/bpmn"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[WARNING] bpmnlint: Node.js and npm are not installed, so bpmn/*.bpmn were NOT linted."
  echo "[WARNING] bpmnlint: install them (Debian: apt-get install nodejs npm) to check diagrams as Camunda Modeler does."
  exit 0
fi
cd "$here"
# the lock file pins both packages; a second run finds them in place and is quick
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "[WARNING] bpmnlint: could not install bpmnlint from the npm registry, so bpmn/*.bpmn were NOT linted."
    exit 0
  fi
fi
echo "bpmnlint: $(ls "$diagrams"/*.bpmn | wc -l) diagrams in bpmn/, rules of Camunda Modeler for Camunda 7.24"
node node_modules/bpmnlint/bin/bpmnlint.js --max-warnings=0 "$diagrams/*.bpmn"
echo "bpmnlint: no problems"
