"""The SAM template, as CloudFormation will receive it after the Serverless transform.

The template is translated by the SAM translator itself (in ``.venv-sam``), so these tests
read the real IAM role, Lambda permission and log wiring, not our own reading of the YAML.
"""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from cookalong.storage import TTL_ATTRIBUTE
from cookalong.storage.dynamodb import PARTITION_KEY
from tests.ship.lambda_runtime import ROOT, require_sam_venv

_TRANSLATE = r"""
import json, sys
from samcli.lib.translate.sam_template_validator import SamTemplateValidator
from samcli.yamlhelper import yaml_parse

class NoIam:  # the template must not need IAM look-ups: it names no managed policies
    def load(self):
        raise SystemExit("the template names a managed policy: that needs AWS credentials")

with open(sys.argv[1], encoding="utf-8") as handle:
    template = yaml_parse(handle.read())
validator = SamTemplateValidator(template, NoIam(), region="us-east-1")
print(json.dumps(yaml_parse(validator.get_translated_template_if_valid()), default=str))
"""


@pytest.fixture(scope="module")
def cfn() -> dict[str, Any]:
    """template.yaml after the AWS::Serverless transform (plain CloudFormation)."""
    python = require_sam_venv() / "python"
    result = subprocess.run(
        [str(python), "-c", _TRANSLATE, str(ROOT / "template.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def _of_type(cfn: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in cfn["Resources"].items() if r["Type"] == kind}


def _only(cfn: dict[str, Any], kind: str) -> tuple[str, dict[str, Any]]:
    found = _of_type(cfn, kind)
    assert len(found) == 1, f"expected one {kind}, found {sorted(found)}"
    return next(iter(found.items()))


def test_the_function_runs_the_skill_on_arm64_python_3_13_within_alexas_8_seconds(cfn):
    # given the translated template
    # when we read the one Lambda function
    _, function = _only(cfn, "AWS::Lambda::Function")
    props = function["Properties"]
    # then it is the skill's handler, on the runtime and architecture we build for
    assert props["Handler"] == "app.lambda_handler"
    assert props["Runtime"] == "python3.13"
    assert props["Architectures"] == ["arm64"]
    assert props["Timeout"] == 8
    assert props["MemorySize"] == {"Ref": "MemorySize"}
    assert cfn["Parameters"]["MemorySize"]["Default"] == 1024


def test_the_function_is_told_its_table_and_its_skill_id(cfn):
    # given the translated template
    _, function = _only(cfn, "AWS::Lambda::Function")
    table_name, _ = _only(cfn, "AWS::DynamoDB::Table")
    # when we read its environment
    variables = function["Properties"]["Environment"]["Variables"]
    # then TABLE_NAME is the stack's table and SKILL_ID the deploy-time parameter
    assert variables["TABLE_NAME"] == {"Ref": table_name}
    assert variables["SKILL_ID"] == {"Ref": "SkillId"}


def test_only_the_skill_named_at_deploy_time_may_invoke_the_function(cfn):
    # given the translated template
    function_name, _ = _only(cfn, "AWS::Lambda::Function")
    # when we read the permission the AlexaSkill event created (the one always deployed)
    (permission,) = [
        p for p in _of_type(cfn, "AWS::Lambda::Permission").values() if "Condition" not in p
    ]
    props = permission["Properties"]
    # then Alexa may invoke it, for that one skill id only
    assert props["Principal"] == "alexa-appkit.amazon.com"
    assert props["Action"] == "lambda:InvokeFunction"
    assert props["EventSourceToken"] == {"Ref": "SkillId"}
    assert props["FunctionName"] == {"Ref": function_name}
    assert "SkillId" in cfn["Parameters"]
    assert "Default" not in cfn["Parameters"]["SkillId"]  # a deploy must name the real skill


def test_the_role_may_only_get_and_put_items_in_the_state_table(cfn):
    # given the function's execution role
    table_name, _ = _only(cfn, "AWS::DynamoDB::Table")
    _, role = _only(cfn, "AWS::IAM::Role")
    # when we collect every DynamoDB permission in its inline policies
    statements = [
        statement
        for policy in role["Properties"].get("Policies", [])
        for statement in policy["PolicyDocument"]["Statement"]
    ]
    dynamodb = [
        s for s in statements if any(str(a).startswith("dynamodb:") for a in _listed(s["Action"]))
    ]
    # then they name single-item reads and writes on that table's ARN, nothing wider
    assert dynamodb, "the function cannot reach its table"
    actions = {a for s in dynamodb for a in _listed(s["Action"])}
    assert actions == {"dynamodb:GetItem", "dynamodb:PutItem"}
    for statement in dynamodb:
        assert statement["Effect"] == "Allow"
        assert _listed(statement["Resource"]) == [{"Fn::GetAtt": [table_name, "Arn"]}]
    # and the only managed policy is the basic one that lets Lambda write its logs
    basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    assert role["Properties"]["ManagedPolicyArns"] == [basic]


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_the_table_is_keyed_and_expires_items_the_way_the_skill_writes_them(cfn):
    # given the translated template
    # when we read the state table
    _, table = _only(cfn, "AWS::DynamoDB::Table")
    props = table["Properties"]
    # then its key and TTL attribute are the ones the DynamoDB store uses, billed per request
    assert props["KeySchema"] == [{"AttributeName": PARTITION_KEY, "KeyType": "HASH"}]
    assert props["AttributeDefinitions"] == [{"AttributeName": PARTITION_KEY, "AttributeType": "S"}]
    assert props["TimeToLiveSpecification"] == {"AttributeName": TTL_ATTRIBUTE, "Enabled": True}
    assert props["BillingMode"] == "PAY_PER_REQUEST"


def test_logs_go_to_the_functions_own_group_with_a_retention(cfn):
    # given the translated template
    _, function = _only(cfn, "AWS::Lambda::Function")
    group_name, group = _only(cfn, "AWS::Logs::LogGroup")
    # when we compare the log group's name with the function's
    function_name = function["Properties"]["FunctionName"]["Fn::Sub"]
    # then the group is /aws/lambda/<function>, kept for 30 days, and the function logs there
    assert group["Properties"]["LogGroupName"] == {"Fn::Sub": f"/aws/lambda/{function_name}"}
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert cfn["Parameters"]["LogRetentionDays"]["Default"] == 30
    assert function["Properties"]["LoggingConfig"]["LogGroup"] == {"Ref": group_name}


def test_the_outputs_give_the_arn_for_the_skill_endpoint_and_the_table_name(cfn):
    # given the translated template
    function_name, _ = _only(cfn, "AWS::Lambda::Function")
    table_name, _ = _only(cfn, "AWS::DynamoDB::Table")
    # when we read its outputs
    outputs = {name: output["Value"] for name, output in cfn["Outputs"].items()}
    # then the function's ARN (for the skill's endpoint) and the table name are there
    assert {"Fn::GetAtt": [function_name, "Arn"]} in outputs.values()
    assert {"Ref": table_name} in outputs.values()


def test_snapstart_is_off_unless_asked_for_and_then_serves_a_published_alias(cfn):
    # given the translated template
    _, function = _only(cfn, "AWS::Lambda::Function")
    parameter = cfn["Parameters"]["SnapStart"]
    # then SnapStart is off by default, and documented with its costs and what is re-created
    assert parameter["Default"] == "Off" and set(parameter["AllowedValues"]) == {"Off", "On"}
    for words in ("billed", "restore", "boto3 client", "random seed"):
        assert words in parameter["Description"]
    assert function["Properties"]["SnapStart"] == {
        "ApplyOn": {"Fn::If": ["SnapStartOn", "PublishedVersions", "None"]}
    }
    # and with it on, a version, its alias "live" and Alexa's permission for that skill only
    on = {name: r for name, r in cfn["Resources"].items() if r.get("Condition") == "SnapStartOn"}
    kinds = sorted(r["Type"] for r in on.values())
    assert kinds == ["AWS::Lambda::Alias", "AWS::Lambda::Permission", "AWS::Lambda::Version"]
    (permission,) = [r for r in on.values() if r["Type"] == "AWS::Lambda::Permission"]
    assert permission["Properties"]["Principal"] == "alexa-appkit.amazon.com"
    assert permission["Properties"]["EventSourceToken"] == {"Ref": "SkillId"}
    assert cfn["Outputs"]["SkillFunctionLiveArn"]["Condition"] == "SnapStartOn"
