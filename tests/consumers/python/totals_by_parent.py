#!/usr/bin/python3
"""An independent check of `techties totals --by parent`: sums a Torn Apart-style award list straight from the CSV file.

  totals_by_parent.py AWARDS.csv VALUE_COLUMN TOP [GRAPH_FOLDER AGENCY_ID]

Reads the file with the csv module and the amounts with decimal (never floats). A row's parent is the company its
parent_name column names, or its recipient when that column is blank or names the recipient itself; names that differ
only in case, accents, punctuation and legal suffixes (", INC.", "L.L.C.", "CORP") are one company, as docs/import.md
says. With a graph folder (YAML, read with PyYAML), the contracts of that graph whose agency or office is AGENCY_ID or
part_of it (transitively) are added, each under the top of its vendor's subsidiary_of chain, by that company's name.
Prints JSON: the TOP parents by total (key, total, contracts, withoutValue), the grand total and the counts.
"""
import csv
import json
import re
import sys
import unicodedata
from decimal import Decimal

SUFFIXES = {"INC", "INCORPORATED", "LLC", "CORP", "CORPORATION", "CO", "LTD", "LIMITED", "LP", "LLP", "PLC"}


def key(name):
    text = unicodedata.normalize("NFKD", name.upper())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("&", " AND ")
    text = re.sub(r"[.,']", "", text)
    words = re.sub(r"[^A-Z0-9]+", " ", text).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words)


def graph_contracts(folder, agency, column):
    """(parent key, value or None) of the graph's contracts under the agency, from its YAML files."""
    import glob
    import yaml
    field = {"current_total_value": "current_value", "potential_total_value": "potential_value"}[column]
    docs = [yaml.safe_load(open(f, encoding="utf-8")) for f in sorted(glob.glob(folder + "/**/*.yaml", recursive=True))]
    names, parents, wholes, found = {}, {}, {}, []

    def targets(value):
        items = value if isinstance(value, list) else [value]
        return [item["to"] if isinstance(item, dict) else item for item in items]
    for doc in docs:
        for cid, fields in (doc.get("companies") or {}).items():
            names[cid] = fields["name"]
            if "subsidiary_of" in fields:
                parents[cid] = sorted(targets(fields["subsidiary_of"]))[0]
        for aid, fields in (doc.get("agencies") or {}).items():
            if "part_of" in fields:
                wholes[aid] = targets(fields["part_of"])
        found += list((doc.get("contracts") or {}).values())

    def under(a, seen=()):
        return a == agency or any(under(w, seen + (a,)) for w in wholes.get(a, []) if w not in seen)
    for fields in found:
        if not (under(fields["agency"]) or ("office" in fields and under(fields["office"]))):
            continue
        top = fields["vendor"]
        while top in parents:
            top = parents[top]
        text = fields.get(field)
        yield key(names[top]), None if text is None else Decimal(str(text).split()[1])


def main():
    path, column, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
    groups = {}
    grand, contracts, without = Decimal(0), 0, 0
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            recipient = key(row["recipient_name"].strip())
            parent = key(row["parent_name"].strip()) if row["parent_name"].strip() else recipient
            group = groups.setdefault(parent, {"key": parent, "total": Decimal(0), "contracts": 0, "withoutValue": 0})
            group["contracts"] += 1
            contracts += 1
            value = row[column].strip()
            if value == "":
                group["withoutValue"] += 1
                without += 1
                continue
            amount = Decimal(value.replace(",", ""))
            group["total"] += amount
            grand += amount
    if len(sys.argv) > 5:
        for parent, value in graph_contracts(sys.argv[4], sys.argv[5], column):
            group = groups.setdefault(parent, {"key": parent, "total": Decimal(0), "contracts": 0, "withoutValue": 0})
            group["contracts"] += 1
            contracts += 1
            if value is None:
                group["withoutValue"] += 1
                without += 1
            else:
                group["total"] += value
                grand += value
    ranked = sorted(groups.values(), key=lambda g: -g["total"])
    print(json.dumps({
        "top": [dict(g, total=str(g["total"])) for g in ranked[:top]],
        "groups": len(groups),
        "grandTotal": str(grand),
        "contracts": contracts,
        "withoutValue": without,
    }))


if __name__ == "__main__":
    main()
