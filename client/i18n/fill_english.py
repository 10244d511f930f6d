#!/usr/bin/env python3
"""Fills nghedan_en.ts from a {Vietnamese source: English} table (a Python file defining T).
Usage: fill_english.py TABLE.py nghedan_en.ts   — messages missing from the table stay unfinished."""
import sys
import xml.etree.ElementTree as ET

table = {}
exec(open(sys.argv[1], encoding="utf-8").read(), table)
T = table["T"]
tree = ET.parse(sys.argv[2])
root = tree.getroot()
root.set("language", "en_GB")
root.set("sourcelanguage", "vi_VN")
missing = 0
for message in root.iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    english = T.get(source)
    if english is None:
        missing += 1
        print("missing:", source)
        continue
    translation.attrib.pop("type", None)
    for child in list(translation):
        translation.remove(child)
    if message.get("numerus") == "yes":
        translation.text = None
        forms = english if isinstance(english, tuple) else (english, english)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = english if isinstance(english, str) else english[-1]
ET.indent(tree, space="    ")
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
print("missing", missing)
