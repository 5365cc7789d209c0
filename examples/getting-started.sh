#!/usr/bin/env bash
# A fresh clone, from its root: the demo, then the tests. Node.js 20 or later; no AWS account.
set -eu

# #region two-commands
npm install && npm start   # the demo: an in-memory Pinpoint on 127.0.0.1, the seed's example policies, no AWS account
npm test                   # the test suite
# #endregion
