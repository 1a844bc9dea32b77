"""Validate a Slack app manifest (YAML) against Slack's JSON Schema; print each problem, exit 1 if any.

Usage: python .ci/check_manifest.py manifest.yml ../shared/slack/manifest.schema.1.0.0.json
"""

import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft7Validator


def manifest_problems(manifest_path: Path, schema_path: Path) -> list[str]:
    manifest = yaml.safe_load(manifest_path.read_text())
    schema = json.loads(schema_path.read_text())
    Draft7Validator.check_schema(schema)
    errors = sorted(Draft7Validator(schema).iter_errors(manifest), key=lambda error: list(error.path))
    problems = [f"{'/'.join(map(str, error.path)) or '(top)'}: {error.message}" for error in errors]
    return problems + duplicate_scopes(manifest)


def duplicate_scopes(manifest: object) -> list[str]:
    """Slack's schema allows a scope twice; a reader of the list should not have to wonder why."""
    scopes = manifest.get("oauth_config", {}).get("scopes", {}) if isinstance(manifest, dict) else {}
    problems = []
    for kind, listed in (scopes or {}).items():
        seen: set[str] = set()
        for scope in listed or ():
            if scope in seen:
                problems.append(f"oauth_config/scopes/{kind}: {scope} is listed more than once")
            seen.add(scope)
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    manifest_path, schema_path = map(Path, argv)
    problems = manifest_problems(manifest_path, schema_path)
    for problem in problems:
        print(f"{manifest_path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{manifest_path} is valid against {schema_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
