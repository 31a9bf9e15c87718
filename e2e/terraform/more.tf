resource "aws_cognito_resource_server" "api" {
  identifier   = "https://api.example.com"
  name         = "api"
  user_pool_id = aws_cognito_user_pool.pool.id
  scope {
    scope_name        = "read"
    scope_description = "read things"
  }
}

resource "aws_cognito_user_pool_client" "machine" {
  name                                 = "machine"
  user_pool_id                         = aws_cognito_user_pool.pool.id
  generate_secret                      = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_scopes                 = ["https://api.example.com/read"]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"]
  depends_on                           = [aws_cognito_resource_server.api]
}

resource "aws_cognito_user" "alice" {
  user_pool_id = aws_cognito_user_pool.pool.id
  username     = "alice@example.com"
  attributes = {
    email          = "alice@example.com"
    email_verified = true
  }
  message_action = "SUPPRESS"
}

resource "aws_cognito_user_in_group" "alice_admin" {
  user_pool_id = aws_cognito_user_pool.pool.id
  group_name   = aws_cognito_user_group.admins.name
  username     = aws_cognito_user.alice.username
}

resource "aws_cognito_user_pool_ui_customization" "ui" {
  user_pool_id = aws_cognito_user_pool_domain.domain.user_pool_id
  css          = ".label-customizable {font-weight: 400;}"
}

resource "aws_cognito_identity_pool_provider_principal_tag" "tags" {
  identity_pool_id       = aws_cognito_identity_pool.ids.id
  identity_provider_name = aws_cognito_user_pool.pool.endpoint
  use_defaults           = false
  principal_tags = {
    tenant = "custom:tenant"
  }
}

resource "aws_iam_user" "ops" {
  name = "tf-ops"
  path = "/ops/"
  tags = { team = "ops" }
}

resource "aws_iam_access_key" "ops" {
  user = aws_iam_user.ops.name
}

resource "aws_iam_policy" "read_pools" {
  name        = "tf-read-pools"
  description = "read user pools"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["cognito-idp:Describe*", "cognito-idp:List*"], Resource = "*" }]
  })
}

resource "aws_iam_group" "ops" {
  name = "tf-ops"
}

resource "aws_iam_group_membership" "ops" {
  name  = "tf-ops-members"
  group = aws_iam_group.ops.name
  users = [aws_iam_user.ops.name]
}

resource "aws_iam_group_policy_attachment" "ops_read" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.read_pools.arn
}

resource "aws_iam_role_policy_attachment" "auth_read" {
  role       = aws_iam_role.authenticated.name
  policy_arn = aws_iam_policy.read_pools.arn
}

resource "aws_iam_openid_connect_provider" "oidc" {
  url             = "https://issuer.example.com"
  client_id_list  = ["app"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}
