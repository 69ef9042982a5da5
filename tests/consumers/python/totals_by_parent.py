#!/usr/bin/python3
"""An independent check of `techties totals --by parent`: sums a Torn Apart-style award list straight from the CSV file.

  totals_by_parent.py AWARDS.csv VALUE_COLUMN TOP

Reads the file with the csv module and the amounts with decimal (never floats). A row's parent is the company its
parent_name column names, or its recipient when that column is blank or names the recipient itself; names that differ
only in case, accents, punctuation and legal suffixes (", INC.", "L.L.C.", "CORP") are one company, as docs/import.md
says. Prints JSON: the TOP parents by total (key, total, contracts, withoutValue), the grand total and the counts.
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
