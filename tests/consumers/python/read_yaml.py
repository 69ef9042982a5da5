"""Loads a TechTies YAML export with PyYAML's safe_load (YAML 1.1 resolution, as most YAML readers outside .NET do)
and prints it as JSON for the .NET tests to check: {"doc": ..., "typed": [...]}, where every scalar that did not load
as a string is {"type": TYPE, "text": str(value)} in "doc" and its path ("companies/acme/founded") is in "typed"
(a mapping key that did not load as a string is there as "PATH (key)").

Usage: /usr/bin/python3 read_yaml.py FILE
"""
import json
import sys

import yaml


def convert(node, path, typed):
    if isinstance(node, dict):
        result = {}
        for k, v in node.items():
            inner = f"{path}/{k}" if path else str(k)
            if not isinstance(k, str):
                typed.append(inner + " (key)")
            result[str(k)] = convert(v, inner, typed)
        return result
    if isinstance(node, list):
        return [convert(v, f"{path}/{i}", typed) for i, v in enumerate(node)]
    if isinstance(node, str):
        return node
    typed.append(path)
    return {"type": type(node).__name__, "text": str(node)}


def main(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    typed = []
    doc = convert(data, "", typed)
    json.dump({"doc": doc, "typed": typed}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
