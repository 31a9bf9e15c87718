#!/usr/bin/env bash
# Terraform's AWS provider against a running idfed: apply, a plan that must be empty (exit 0 of
# -detailed-exitcode: every answer read back matches what was applied), then destroy.
#   IDFED_ENDPOINT=http://localhost:8080 TF_PROVIDER_DIR=/path/to/dir/with/terraform-provider-aws_v* \
#     bash e2e/terraform/run.sh
# Credentials: the admin key of .idfed/admin-credentials.json unless AWS_ACCESS_KEY_ID is set.
# How to get the provider where registry.terraform.io is out of reach: docs/operations.md#terraform.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
endpoint=${IDFED_ENDPOINT:-http://localhost:8080}
: "${TF_PROVIDER_DIR:?the folder holding terraform-provider-aws_v*}"
creds=${IDFED_ADMIN_CREDENTIALS:-$here/../../.idfed/admin-credentials.json}
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-$(node -p "require('$creds').accessKeyId")}
export AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-$(node -p "require('$creds').secretAccessKey")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/*.tf "$work"/
cat > "$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "hashicorp/aws" = "$TF_PROVIDER_DIR"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE=$work/terraformrc TF_IN_AUTOMATION=1
cd "$work"
terraform apply -no-color -auto-approve -input=false -var "endpoint=$endpoint"
status=0
terraform plan -no-color -detailed-exitcode -input=false -var "endpoint=$endpoint" || status=$?
terraform destroy -no-color -auto-approve -input=false -var "endpoint=$endpoint"
if [ "$status" -ne 0 ]; then echo "terraform plan after apply was not empty (exit $status)" >&2; exit 1; fi
echo "terraform: apply, empty plan and destroy passed against $endpoint"
