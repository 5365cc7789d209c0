#!/usr/bin/env bash
# policy --from-source: the policy a TypeScript backend's PinpointClient calls need, and a check of an existing policy.
set -euo pipefail
# #region from-source
pinpoint-guard policy --from-source tsconfig.json --account 123456789012 --out policy.json   # or a folder
pinpoint-guard policy --from-source backend/ --check current-policy.json --account 123456789012
# #endregion
