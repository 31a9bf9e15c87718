"""IAM credential reports (ADR 0093) with boto3, as a security tool written for AWS reads them.

Reads the endpoint and the admin key from the environment. Generates the credential report until
it is COMPLETE, as tools poll it, reads it (botocore decodes the base64 blob) and prints one JSON
object with the states answered, the format and the CSV header, for the e2e spec to check.
"""

import json
import os

import boto3
from botocore.config import Config

ENDPOINT = os.environ["IDFED_ENDPOINT"]
NO_RETRIES = Config(retries={"max_attempts": 1, "mode": "standard"})


def main():
    iam = boto3.client(
        "iam",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id=os.environ["IDFED_ADMIN_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["IDFED_ADMIN_SECRET_ACCESS_KEY"],
        config=NO_RETRIES,
    )
    states = [iam.generate_credential_report()["State"], iam.generate_credential_report()["State"]]
    report = iam.get_credential_report()
    text = report["Content"].decode("utf-8")
    print(
        json.dumps(
            {
                "states": states,
                "format": report["ReportFormat"],
                "header": text.split("\n")[0],
            }
        )
    )


if __name__ == "__main__":
    main()
