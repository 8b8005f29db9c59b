#!/usr/bin/env python3
"""Writes resources/gazetteers/organizations-world.txt (ORGANIZATION dictionary of the entity
extractor, weak evidence: used only where nothing else says what a name is) from registries Debian
packages:
- the IEEE registration authority's lists of the companies holding MAC address blocks
  (ieee-data: oui, oui36, mam, iab), and the PCI and USB vendor lists (hwdata), legal forms taken
  off ("Google, Inc." is "Google"). A first word that opens three or more different names is a
  brand too ("Samsung Electronics", "Samsung SDS": "Samsung").
- organisations named in WordNet (wordnet-base): capitalised nouns under "organization"
  ("Interpol", "Beatles", "Hanseatic League").
Names go when they are more often something else in English prose: what WordNet knows only as
something else (a person, a place, a people: "Tesla", "Apollo", "Swiss"), words the spelling dictionary
lists in lower case, given names, English surnames (python3-fake-factory) and the words of the
other dictionaries (towns, countries, languages ...). A lower-case word stays only when the
company holds ten or more address blocks ("Apple", "Oracle", "Intel"); the extractor then takes it
only away from a sentence's start. The generated file is committed, so building Graphwright needs
none of these packages. Run from the checkout after
`apt-get install ieee-data hwdata wordnet-base python3-fake-factory wamerican`:
    python3 scripts/make-organizations.py
"""
import collections
import csv
import glob
import os
import re

from gazetteer_sources import (OUT, cities, fold, faker_names, known_words, listed, lower_case_words,
                               wordnet_ancestors, wordnet_capitalised_adjectives, wordnet_synsets)

IEEE = "/usr/share/ieee-data"
HWDATA = ("/usr/share/hwdata/pci.ids", "/usr/share/hwdata/usb.ids")
WORDNET_ORGANIZATION = "08008335"  # organization, organisation: "a group of people who work together"
# Under "organization" in WordNet, but no body one names as a company: religions ("Buddhism") and
# political units (states, "Carthage").
WORDNET_NOT_BODIES = {"08081668", "08359949"}
MANY_BLOCKS = 10
# A short word in capitals is more often a technical term ("LAN", "BIOS", "CSS") than a company
# that holds one address block; "IBM" and "NEC" hold many, and WordNet's "NATO" is no term.
SHORT_CAPITALS = re.compile(r"[A-Z0-9&-]{2,4}")
SOME_BLOCKS = 10
# Registrants that are no company (placeholders of the registries), and WordNet's kinds and other
# senses written in capitals ("NGO", "REIT", "USA" for the army, "NSW" for a state, "IIS" a server;
# manuals' "MDI" and "DOI" are an interface and a document identifier).
NOT_NAMES = {"private", "unknown", "ieee registration authority", "none", "usa", "ngo", "reit", "pac", "cio",
             "icu", "iis", "cisc", "nsw", "cse", "avi", "mdi", "doi"}

LEGAL_FORM = re.compile(
    r"(?i)[\s,.&]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\.l\.c|gmbh|ag|sa|s\.a|"
    r"s\.a\.s|sas|s\.p\.a|spa|bv|b\.v|nv|n\.v|ab|as|a/s|asa|oy|oyj|kk|k\.k|pty|plc|srl|s\.r\.l|sdn|bhd|pte|"
    r"pvt|private|kft|s\.r\.o|a\.s|kg|ug|se|s\.l|sl|lp|l\.p|llp|ltda|s\.a\.u|sarl|s\.a\.r\.l|e\.v|gbr|ohg|"
    r"mbh|zrt|jsc|ojsc|cjsc|pjsc|ooo|tbk|d\.o\.o|doo|s\.c|holding|holdings|group|international|intl)\.?$")
# What the extractor's capitalised-run scanner can see as one name.
NAME = re.compile(r"[A-Z0-9][\w'&-]*(?: [A-Z0-9][\w'&-]*){0,3}")


def core(registered):
    """'Samsung Electronics Co.,Ltd' -> 'Samsung Electronics'."""
    name = re.sub(r"\(.*?\)", "", registered)
    name = re.sub(r"\s+", " ", name).strip(" ,.-&\"")
    name = re.sub(r"^(?i:the) ", "", name)
    previous = None
    while previous != name:
        previous = name
        name = LEGAL_FORM.sub("", name).strip(" ,.-&\"")
    return name


def registrants():
    for path in glob.glob(IEEE + "/*.csv"):
        with open(path, encoding="utf-8", errors="replace") as f:
            for row in csv.reader(f):
                if len(row) >= 3 and row[0] != "Registry":
                    yield row[2]
    for path in HWDATA:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = re.match(r"^[0-9a-f]{4}  (.*)$", line)
                if m:
                    yield m.group(1)


def wordnet_names():
    """WordNet's capitalised nouns and adjectives: (the organisations, everything else)."""
    synsets = wordnet_synsets()
    organizations, others = set(), set()
    for offset, (words, _) in synsets.items():
        capitalised = [w.replace("_", " ") for w in words if w[:1].isupper()]
        if capitalised:
            above = wordnet_ancestors(synsets, offset)
            body = WORDNET_ORGANIZATION in above and not above & WORDNET_NOT_BODIES
            (organizations if body else others).update(capitalised)
    return organizations, others | wordnet_capitalised_adjectives()


def main():
    lower = lower_case_words()
    people = {fold(n) for n in faker_names("last_names", "en*")} | {fold(n) for n in faker_names("first_names")}
    # Towns the spelling dictionary knows too ("Buffalo"): the world list left them out.
    known = known_words() | listed("cities-world.txt") | people | {fold(name) for name, population in cities() if population >= 50000}

    blocks = collections.Counter()
    spelled = {}
    for registered in registrants():
        name = core(registered)
        if NAME.fullmatch(name) and not name.isdigit():
            blocks[fold(name)] += 1
            spelled.setdefault(fold(name), name)
    openers = collections.Counter(key.split()[0] for key in blocks if " " in key)
    # Not a combining form that opens words of the dictionary too ("Micro", "Bio", "Omni").
    prefixes = collections.Counter(w[:n] for w in lower for n in range(3, min(len(w), 8) + 1))
    for key, n in openers.items():
        if n >= 3 and key not in blocks and prefixes[key] < 3:
            blocks[key] = 0
            spelled[key] = next(spelled[k].split()[0] for k in blocks if k.split()[0] == key and " " in k)
    organizations, other_senses = wordnet_names()
    # What WordNet knows as something else too ("Apollo", "European", "Swiss", "Tesla"), unless it
    # is a company of many address blocks ("Google").
    other_senses = {fold(n) for n in other_senses}
    curated = set()
    for name in organizations:
        if NAME.fullmatch(name):
            blocks[fold(name)] += 0
            spelled.setdefault(fold(name), name)
            curated.add(fold(name))

    names = set()
    for key, n in blocks.items():
        words = key.split()
        if key in NOT_NAMES or len(key) < 3 or key in known:
            continue
        plural_word = key.endswith("s") and (key[:-1] in lower or key[:-2] in lower)  # "Endpoints"
        if (len(words) == 1 and (key in lower or plural_word) or key in other_senses) and n < MANY_BLOCKS:
            continue
        if SHORT_CAPITALS.fullmatch(spelled[key]) and n < SOME_BLOCKS and key not in curated:
            continue
        if len(words) > 1 and all(w in lower or w in known for w in words):
            continue  # "General Instrument": any two common words
        names.add(spelled[key])
    with open(os.path.join(OUT, "organizations-world.txt"), "w", encoding="utf-8") as f:
        f.write("# GENERATED by scripts/make-organizations.py from the IEEE registries (ieee-data), the PCI\n"
                "# and USB ID lists (hwdata; GPL-2+ or BSD-3-Clause) and WordNet 3.0 (Princeton University\n"
                "# licence); do not edit.\n")
        for name in sorted(names, key=lambda s: (s.casefold(), s)):
            f.write(name + "\n")


if __name__ == "__main__":
    main()
