"""Pools in several regions with boto3, as a pytest suite that signs for whichever region it likes.

Reads the endpoint and the admin key from the environment. For each region given, creates a user
pool and an identity pool with clients configured for that region, lists them, looks each up from
another region, and calls STS there; then calls a region idfed does not serve. Prints one JSON
object with what each call answered, for the e2e spec to check.
"""

import json
import os

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["IDFED_ENDPOINT"]
REGIONS = os.environ["IDFED_REGIONS_SERVED"].split(",")
NOT_SERVED = os.environ["IDFED_REGION_NOT_SERVED"]
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})


def client(service, region):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name=region,
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
    out = {"regions": {}}
    for region in REGIONS:
        idp = client("cognito-idp", region)
        identity = client("cognito-identity", region)
        pool = idp.create_user_pool(PoolName="boto3-" + region)["UserPool"]
        identity_pool = identity.create_identity_pool(
            IdentityPoolName="boto3_" + region.replace("-", "_"),
            AllowUnauthenticatedIdentities=True,
        )["IdentityPoolId"]
        listed = idp.list_user_pools(MaxResults=60)["UserPools"]
        out["regions"][region] = {
            "poolId": pool["Id"],
            "arn": pool["Arn"],
            "identityPoolId": identity_pool,
            "listedRegions": sorted({p["Id"].split("_")[0] for p in listed}),
            "listedOwn": any(p["Id"] == pool["Id"] for p in listed),
            "account": client("sts", region).get_caller_identity()["Account"],
        }
    first, second = REGIONS[0], REGIONS[1]
    out["crossRegionUserPool"] = error_of(
        lambda: client("cognito-idp", second).describe_user_pool(UserPoolId=out["regions"][first]["poolId"])
    )
    out["crossRegionIdentityPool"] = error_of(
        lambda: client("cognito-identity", first).describe_identity_pool(
            IdentityPoolId=out["regions"][second]["identityPoolId"]
        )
    )
    out["notServed"] = error_of(lambda: client("cognito-idp", NOT_SERVED).list_user_pools(MaxResults=1))
    out["stsNotServed"] = error_of(lambda: client("sts", NOT_SERVED).get_caller_identity())
    print(json.dumps(out))


if __name__ == "__main__":
    main()
