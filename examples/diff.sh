#!/bin/sh
# What a policy change grants, before it is merged: every catalog action, every ARN, every request context.
# #region diff
pinpoint-guard diff --before examples/policies/diff-before.json --after examples/policies/diff-after.json   # exit 1
pinpoint-guard diff --before examples/policies/diff-before.json --after examples/policies/diff-read.json examples/policies/diff-send.json   # exit 0
pinpoint-guard diff --before examples/policies/diff-before.json --after examples/policies/diff-after.json --format markdown   # exit 1
# #endregion
