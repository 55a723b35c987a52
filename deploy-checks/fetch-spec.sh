#!/usr/bin/env bash
# Installs the CloudFormation resource specification the template tests read: db.json.gz of the npm package
# @aws-cdk/aws-service-spec, into a git-ignored folder (default deploy-checks/target/aws-service-spec). Prints the
# path of db.json.gz. Called by the tests when the file is missing; safe to run again.
set -euo pipefail
VERSION="0.1.216"
DEST="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/target/aws-service-spec}"
DB="$DEST/node_modules/@aws-cdk/aws-service-spec/db.json.gz"
if [[ ! -f "$DB" ]]; then
    command -v npm >/dev/null || { echo "npm is needed to fetch the CloudFormation specification" >&2; exit 2; }
    mkdir -p "$DEST"
    npm install --prefix "$DEST" --no-audit --no-fund --ignore-scripts --loglevel=error \
        "@aws-cdk/aws-service-spec@$VERSION" >&2
fi
echo "$DB"
