"""IAM account settings and console passwords (ADR 0084) with boto3, as a suite written for AWS sees them.

Reads the endpoint and the admin key from the environment. Reads the account summary (a Query map),
sets and reads the password policy, gives a new user a password (and one the policy refuses), and
lists the authorization details with boto3's paginator, a role's instance profiles included. Prints one JSON object with what each call
answered, for the e2e spec to check. Never prints a password.
"""

import json
import os
import secrets

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["IDFED_ENDPOINT"]
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})


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
            "status": err.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return None


def main():
    iam = client("iam")
    summary = iam.get_account_summary()["SummaryMap"]
    iam.update_account_password_policy(MinimumPasswordLength=10, RequireNumbers=True)
    policy = iam.get_account_password_policy()["PasswordPolicy"]
    user = "boto3-" + secrets.token_hex(4)
    iam.create_user(UserName=user)
    refused = error_of(lambda: iam.create_login_profile(UserName=user, Password="no-digits-here"))
    profile = iam.create_login_profile(
        UserName=user, Password="Pw-" + secrets.token_hex(8) + "-1", PasswordResetRequired=True
    )["LoginProfile"]
    delete_conflict = error_of(lambda: iam.delete_user(UserName=user))
    users = []
    for page in iam.get_paginator("get_account_authorization_details").paginate(
        Filter=["User"], PaginationConfig={"PageSize": 2}
    ):
        users.extend(d["UserName"] for d in page["UserDetailList"])
    role, profile_name = "boto3-role-" + secrets.token_hex(4), "boto3-ip-" + secrets.token_hex(4)
    iam.create_role(RoleName=role, AssumeRolePolicyDocument=json.dumps(TRUST))
    iam.create_instance_profile(InstanceProfileName=profile_name)
    iam.add_role_to_instance_profile(InstanceProfileName=profile_name, RoleName=role)
    role_details = [
        d
        for page in iam.get_paginator("get_account_authorization_details").paginate(
            Filter=["Role"], PaginationConfig={"PageSize": 2}
        )
        for d in page["RoleDetailList"]
        if d["RoleName"] == role
    ]
    iam.remove_role_from_instance_profile(InstanceProfileName=profile_name, RoleName=role)
    iam.delete_instance_profile(InstanceProfileName=profile_name)
    iam.delete_role(RoleName=role)
    iam.delete_login_profile(UserName=user)
    iam.delete_user(UserName=user)
    iam.delete_account_password_policy()
    missing = error_of(iam.get_account_password_policy)
    print(
        json.dumps(
            {
                "summaryUsers": summary.get("Users"),
                "summaryUsersQuota": summary.get("UsersQuota"),
                "policy": policy,
                "refused": refused,
                "profile": {
                    "UserName": profile["UserName"],
                    "PasswordResetRequired": profile["PasswordResetRequired"],
                },
                "user": user,
                "deleteConflict": delete_conflict,
                "listedUser": user in users,
                "missing": missing,
                "roleProfiles": [
                    {
                        "InstanceProfileName": p["InstanceProfileName"],
                        "Roles": [r["RoleName"] for r in p["Roles"]],
                        # botocore decodes the URL-encoded policy document into a dict.
                        "trustDecoded": p["Roles"][0]["AssumeRolePolicyDocument"] == TRUST,
                    }
                    for d in role_details
                    for p in d["InstanceProfileList"]
                ],
                "profileName": profile_name,
                "roleName": role,
            }
        )
    )


if __name__ == "__main__":
    main()
