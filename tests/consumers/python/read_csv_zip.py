"""Reads every CSV file of a TechTies csv or neo4j export (a zip archive) with Python's csv module, as a
spreadsheet or neo4j-admin would, and prints {file: [header, row, ...]} as JSON; other files as text.

Usage: /usr/bin/python3 read_csv_zip.py FILE
"""
import csv
import io
import json
import sys
import zipfile

result = {}
with zipfile.ZipFile(sys.argv[1]) as archive:
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8")
        result[name] = list(csv.reader(io.StringIO(text, newline=""))) if name.endswith(".csv") else text
json.dump(result, sys.stdout)
