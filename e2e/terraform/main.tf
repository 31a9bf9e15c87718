terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "endpoint" { type = string }

provider "aws" {
  region                  = "eu-west-1"
  skip_metadata_api_check = true
  skip_region_validation  = true
  endpoints {
    cognitoidp      = var.endpoint
    cognitoidentity = var.endpoint
    iam             = var.endpoint
    sts             = var.endpoint
  }
}

resource "aws_cognito_user_pool" "pool" {
  name                     = "tf-pool"
  auto_verified_attributes = ["email"]
  username_attributes      = ["email"]
  mfa_configuration        = "OPTIONAL"
  software_token_mfa_configuration { enabled = true }
  password_policy {
    minimum_length                   = 10
    require_lowercase                = true
    require_numbers                  = true
    require_symbols                  = false
    require_uppercase                = true
    temporary_password_validity_days = 3
  }
  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }
  schema {
    name                = "tenant"
    attribute_data_type = "String"
    mutable             = true
    string_attribute_constraints {
      min_length = 1
      max_length = 64
    }
  }
  tags = { env = "tf" }
}

resource "aws_cognito_user_pool_client" "web" {
  name                                 = "web"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_scopes                 = ["openid", "email"]
  callback_urls                        = ["https://app.example.com/callback"]
  logout_urls                          = ["https://app.example.com/"]
  supported_identity_providers         = ["COGNITO"]
  access_token_validity                = 60
  id_token_validity                    = 60
  refresh_token_validity               = 30
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }
}

resource "aws_cognito_user_pool_domain" "domain" {
  domain       = "tf-demo-${lower(substr(aws_cognito_user_pool.pool.id, 10, 8))}"
  user_pool_id = aws_cognito_user_pool.pool.id
}

resource "aws_cognito_user_group" "admins" {
  name         = "admins"
  user_pool_id = aws_cognito_user_pool.pool.id
  description  = "administrators"
  precedence   = 1
}

resource "aws_cognito_identity_pool" "ids" {
  identity_pool_name               = "tf_ids"
  allow_unauthenticated_identities = true
  cognito_identity_providers {
    client_id               = aws_cognito_user_pool_client.web.id
    provider_name           = aws_cognito_user_pool.pool.endpoint
    server_side_token_check = false
  }
  tags = { env = "tf" }
}

data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = [aws_cognito_identity_pool.ids.id]
    }
  }
}

resource "aws_iam_role" "authenticated" {
  name               = "tf-authenticated"
  assume_role_policy = data.aws_iam_policy_document.trust.json
  tags               = { env = "tf" }
}

resource "aws_iam_role_policy" "sync" {
  name = "sync"
  role = aws_iam_role.authenticated.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["cognito-sync:*"], Resource = "*" }]
  })
}

resource "aws_iam_role" "guest" {
  name               = "tf-guest"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_cognito_identity_pool_roles_attachment" "roles" {
  identity_pool_id = aws_cognito_identity_pool.ids.id
  roles = {
    authenticated   = aws_iam_role.authenticated.arn
    unauthenticated = aws_iam_role.guest.arn
  }
}

output "pool_id" { value = aws_cognito_user_pool.pool.id }
output "identity_pool_id" { value = aws_cognito_identity_pool.ids.id }
