"""A device's Cognito Sync round trip with boto3, as a Python app or pytest suite writes it.

Reads the endpoint and identity pool from the environment, signs in as a guest of the pool with
cognito-identity, then uses the guest's temporary credentials with boto3's cognito-sync client.
Prints one JSON object with what each call answered, for the e2e spec to check.
"""

import json
import os

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["IDFED_ENDPOINT"]
POOL = os.environ["IDFED_IDENTITY_POOL_ID"]
REGION = "us-east-1"
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})


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
    identity = boto3.client(
        "cognito-identity",
        endpoint_url=ENDPOINT,
        region_name=REGION,
        aws_access_key_id="ANONYMOUS",
        aws_secret_access_key="anonymous",
        config=NO_RETRIES,
    )
    identity_id = identity.get_id(IdentityPoolId=POOL)["IdentityId"]
    creds = identity.get_credentials_for_identity(IdentityId=identity_id)["Credentials"]
    sync = boto3.client(
        "cognito-sync",
        endpoint_url=ENDPOINT,
        region_name=REGION,
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretKey"],
        aws_session_token=creds["SessionToken"],
        config=NO_RETRIES,
    )
    where = {"IdentityPoolId": POOL, "IdentityId": identity_id, "DatasetName": "settings"}
    listed = sync.list_records(**where)
    written = sync.update_records(
        **where,
        SyncSessionToken=listed["SyncSessionToken"],
        DeviceId="python-laptop",
        RecordPatches=[
            {"Op": "replace", "Key": "theme", "Value": "dark", "SyncCount": 0},
            {"Op": "replace", "Key": "volume", "Value": "7", "SyncCount": 0},
        ],
    )
    again = sync.list_records(**where, LastSyncCount=0)
    stale = error_of(
        lambda: sync.update_records(
            **where,
            SyncSessionToken=again["SyncSessionToken"],
            RecordPatches=[{"Op": "replace", "Key": "theme", "Value": "light", "SyncCount": 0}],
        )
    )
    removed = sync.update_records(
        **where,
        SyncSessionToken=again["SyncSessionToken"],
        RecordPatches=[{"Op": "remove", "Key": "volume", "SyncCount": 1}],
    )
    datasets = sync.list_datasets(IdentityPoolId=POOL, IdentityId=identity_id)
    described = sync.describe_dataset(**where)
    other = dict(where, IdentityId=identity_id.split(":")[0] + ":00000000-0000-4000-8000-000000000000")
    foreign = error_of(lambda: sync.list_records(**other))
    deleted = sync.delete_dataset(**where)
    gone = error_of(lambda: sync.describe_dataset(**where))
    print(
        json.dumps(
            {
                "identityId": identity_id,
                "written": [
                    {"key": r["Key"], "value": r.get("Value"), "syncCount": r["SyncCount"], "by": r.get("LastModifiedBy")}
                    for r in written["Records"]
                ],
                "datasetSyncCount": again["DatasetSyncCount"],
                "stale": stale,
                "removed": [{"key": r["Key"], "value": r.get("Value"), "syncCount": r["SyncCount"]} for r in removed["Records"]],
                "datasets": [d["DatasetName"] for d in datasets["Datasets"]],
                "describedRecords": described["Dataset"]["NumRecords"],
                "foreign": foreign,
                "deleted": deleted["Dataset"]["DatasetName"],
                "gone": gone,
            }
        )
    )


if __name__ == "__main__":
    main()
