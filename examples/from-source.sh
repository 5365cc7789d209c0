#!/usr/bin/env bash
# policy --from-source: the policy a TypeScript backend's Pinpoint calls need, and a check of an existing policy.
set -euo pipefail
# #region from-source
pinpoint-guard policy --from-source tsconfig.json --account 123456789012 --out policy.json   # or a folder
pinpoint-guard policy --from-source backend/ --check current-policy.json --account 123456789012
# #endregion
# Only what the server runs (not the admin script beside it), its project id from configuration given here:
# #region entry
pinpoint-guard policy --from-source tsconfig.json --entry backend/server.ts --app shopapp --out server-policy.json
# #endregion
