"""Translates a SAM template as CloudFormation's AWS::Serverless-2016-10-31 transform does, with
aws-sam-translator (the library `sam` and CloudFormation use). Usage:
    python3 sam_translate.py TEMPLATE OUT.json [Name=Value ...]
Parameter values given here override the template's defaults (CloudFormation passes the stack's)."""
import json
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.public.translator import ManagedPolicyLoader  # noqa: F401  (import check: the translator is there)
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The templates name no AWS managed policy by name, so no IAM lookup is needed."""

    def load(self):
        return {}


def as_packaged(template):
    """`sam package` uploads each function's built folder and puts its S3 location in CodeUri; the
    transform accepts nothing else. The key stands for that upload (its content hash in reality)."""
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") == "AWS::Serverless::Function":
            properties = resource.setdefault("Properties", {})
            if not str(properties.get("CodeUri", "")).startswith("s3://"):
                properties["CodeUri"] = f"s3://sam-package-bucket/{logical_id}.zip"


def main():
    template_path, out_path, *overrides = sys.argv[1:]
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    parameters = dict(o.split("=", 1) for o in overrides)
    as_packaged(template)
    try:
        translated = transform(template, parameters, NoManagedPolicies())
    except InvalidDocumentException as e:
        sys.stderr.write("\n".join(str(c) for c in e.causes) + "\n")
        sys.exit(2)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(translated, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
