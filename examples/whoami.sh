#!/bin/sh
# The caller as IAM knows it, and the CLI deciding with it (credentials from the AWS SDK's default chain).
# --session-tags: the tags the role session was created with (none here); without it aws:PrincipalTag/* is unknown.
# #region whoami
pinpoint-guard whoami --session-tags none                # the principal, each policy's source, the principal keys
pinpoint-guard check --principal auto --session-tags none --operation GetApp --app project1 --verify-aws   # exit 0 allow, 1 deny
pinpoint-guard lint --principal arn:aws:iam::123456789012:role/backend
# #endregion
