"""Issue 13's compatibility answers with boto3, as a pytest + boto3 suite written for AWS sees them.

Reads the endpoint and the admin key from the environment. Creates an identity pool with a name
AWS refuses, user pool clients with legacy and mixed ExplicitAuthFlows, and signs in through a
legacy client's ADMIN_NO_SRP_AUTH. Prints one JSON object with what each call answered, for the
e2e spec to check.
"""

import json
import os

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["IDFED_ENDPOINT"]
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})
PASSWORD = "B0to3-Legacy!"


def client(service):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id=os.environ["IDFED_ADMIN_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["IDFED_ADMIN_SECRET_ACCESS_KEY"],
        config=NO_RETRIES,
    )


def error_of(call):
    try:
        call()
    except ClientError as err:
        return {
            "code": err.response["Error"]["Code"],
            "message": err.response["Error"]["Message"],
            "status": err.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return None


def main():
    identity = client("cognito-identity")
    idp = client("cognito-idp")
    out = {}
    out["badName"] = error_of(
        lambda: identity.create_identity_pool(
            IdentityPoolName="test-with/slash", AllowUnauthenticatedIdentities=False
        )
    )
    pool_id = idp.create_user_pool(PoolName="boto3-compat")["UserPool"]["Id"]
    out["mixed"] = error_of(
        lambda: idp.create_user_pool_client(
            UserPoolId=pool_id,
            ClientName="mixed",
            ExplicitAuthFlows=["ADMIN_NO_SRP_AUTH", "ALLOW_USER_SRP_AUTH"],
        )
    )
    legacy = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="legacy", ExplicitAuthFlows=["ADMIN_NO_SRP_AUTH"]
    )["UserPoolClient"]
    out["legacyFlows"] = idp.describe_user_pool_client(
        UserPoolId=pool_id, ClientId=legacy["ClientId"]
    )["UserPoolClient"]["ExplicitAuthFlows"]
    idp.admin_create_user(UserPoolId=pool_id, Username="py-user", MessageAction="SUPPRESS")
    idp.admin_set_user_password(
        UserPoolId=pool_id, Username="py-user", Password=PASSWORD, Permanent=True
    )
    signed_in = idp.admin_initiate_auth(
        UserPoolId=pool_id,
        ClientId=legacy["ClientId"],
        AuthFlow="ADMIN_NO_SRP_AUTH",
        AuthParameters={"USERNAME": "py-user", "PASSWORD": PASSWORD},
    )
    out["legacySignIn"] = "AccessToken" in signed_in.get("AuthenticationResult", {})
    idp.delete_user_pool(UserPoolId=pool_id)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
