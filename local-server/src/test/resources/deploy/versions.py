"""The Lambda version each function's `live` alias points at, as CloudFormation would create it.
Usage: python3 versions.py TEMPLATE OUT.json [Name=Value ...]
Output: {"Function": {"LogicalId": ..., "Description": ...}}: a Version's logical id and its
Description resolved with the parameter values. Both are create-only for AWS::Lambda::Version: a
change in either makes CloudFormation publish a new version and move the alias to it."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from iam_policies import NoManagedPolicies, resolver  # noqa: E402
from sam_translate import as_packaged  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


def main():
    template_path, out_path, *overrides = sys.argv[1:]
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    parameters = dict(o.split("=", 1) for o in overrides)
    as_packaged(template)
    translated = transform(template, parameters, NoManagedPolicies())
    resolve = resolver(translated, parameters)
    resources = translated["Resources"]
    out = {}
    for logical_id, r in resources.items():
        if r["Type"] != "AWS::Lambda::Alias":
            continue
        version_id = r["Properties"]["FunctionVersion"]["Fn::GetAtt"][0]
        function = r["Properties"]["FunctionName"]["Ref"]
        version = resources[version_id]["Properties"]
        out[function] = {"Alias": r["Properties"]["Name"], "LogicalId": version_id,
                         "Description": resolve(version.get("Description", ""))}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
