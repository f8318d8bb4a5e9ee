"""Every function's IAM statements as the deployed stack would have them. Usage:
    python3 iam_policies.py TEMPLATE OUT.json [Name=Value ...]
The template goes through the SAM transform (sam_translate.py), which expands the SAM policy
templates (DynamoDBCrudPolicy, ...) from aws-sam-translator's policy_templates.json, exactly as
CloudFormation does; then the intrinsics are resolved for account 123456789012 in ap-east-1, a
table's name standing for its logical id. Output: {"Function": [{"Effect", "Action": [...],
"Resource": [...]}, ...]}; "ManagedPolicyArns" listed apart."""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sam_translate import as_packaged  # noqa: E402
from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

PSEUDO = {"AWS::Partition": "aws", "AWS::Region": "ap-east-1", "AWS::AccountId": "123456789012",
          "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": "edge-server-billing"}


class NoManagedPolicies:
    def load(self):
        return {}


def resolver(template, parameters):
    resources = template["Resources"]
    values = dict(PSEUDO)
    for name, p in template.get("Parameters", {}).items():
        values[name] = str(parameters.get(name, p.get("Default", "")))

    def ref(name):
        if name in values:
            return values[name]
        kind = resources[name]["Type"]
        if kind == "AWS::SQS::Queue":
            return f"https://sqs.ap-east-1.amazonaws.com/123456789012/{name}"
        return name  # a table's or topic's name: its logical id here

    def getatt(name, attribute):
        kind = resources[name]["Type"]
        if kind == "AWS::DynamoDB::Table":
            arn = f"arn:aws:dynamodb:ap-east-1:123456789012:table/{name}"
            return arn + "/stream/2026-01-01T00:00:00.000" if attribute == "StreamArn" else arn
        if kind == "AWS::SQS::Queue":
            return name if attribute == "QueueName" else f"arn:aws:sqs:ap-east-1:123456789012:{name}"
        if kind == "AWS::SNS::Topic":
            return f"arn:aws:sns:ap-east-1:123456789012:{name}"
        return f"{name}.{attribute}"

    def resolve(v):
        if isinstance(v, list):
            return [resolve(x) for x in v]
        if not isinstance(v, dict):
            return v
        if len(v) == 1:
            (k, a), = v.items()
            if k == "Ref":
                return ref(a)
            if k == "Fn::GetAtt":
                parts = a if isinstance(a, list) else a.split(".", 1)
                return getatt(parts[0], parts[1])
            if k == "Fn::Sub":
                text, local = (a, {}) if isinstance(a, str) else (a[0], {n: resolve(x) for n, x in a[1].items()})
                out = text
                for n, x in local.items():
                    out = out.replace("${" + n + "}", str(x))
                import re
                return re.sub(r"\$\{([^}!]+)\}", lambda m: str(ref(m.group(1)) if "." not in m.group(1)
                                                              else getatt(*m.group(1).split(".", 1))), out)
            if k == "Fn::Join":
                return a[0].join(str(x) for x in resolve(a[1]))
        return {k: resolve(x) for k, x in v.items()}

    return resolve


def listify(x):
    return x if isinstance(x, list) else [x]


def main():
    template_path, out_path, *overrides = sys.argv[1:]
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    parameters = dict(o.split("=", 1) for o in overrides)
    as_packaged(template)
    variables = dict(template["Globals"]["Function"]["Environment"]["Variables"])
    translated = transform(template, parameters, NoManagedPolicies())
    resolve = resolver(translated, parameters)
    resources = translated["Resources"]
    out = {}
    for logical_id, r in resources.items():
        if r["Type"] != "AWS::Lambda::Function":
            continue
        role = r["Properties"]["Role"]["Fn::GetAtt"][0]
        statements = []
        for policy in resources[role]["Properties"].get("Policies", []):
            for s in listify(policy["PolicyDocument"]["Statement"]):
                s = resolve(s)
                statements.append({"Effect": s["Effect"], "Action": listify(s["Action"]),
                                   "Resource": listify(s["Resource"]), "Policy": policy["PolicyName"]})
        out[logical_id] = {"Handler": r["Properties"]["Handler"], "Statements": statements,
                           "ManagedPolicyArns": resources[role]["Properties"].get("ManagedPolicyArns", [])}
    tables = {env: v["Ref"] for env, v in variables.items()
              if isinstance(v, dict) and "Ref" in v and resources.get(v["Ref"], {}).get("Type") == "AWS::DynamoDB::Table"}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"Functions": out, "TableEnvironment": tables}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
