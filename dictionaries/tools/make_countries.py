#!/usr/bin/env python3
"""Generate countries.actors.txt for polybius.

Reads ISO 3166-1 from Debian's iso-codes JSON and the hand-written
supplement countries_supplement.tsv (next to this script), and writes a
TABARI/PETRARCH-style actor dictionary: one synonym block per country,
then CAMEO regions, then dated historical states, seats of power and
sub-state entries taken from the supplement.

Usage:
    python3 make_countries.py [ISO_JSON] [-o OUTPUT] [--supplement TSV]

ISO_JSON defaults to Debian's /usr/share/iso-codes/json/iso_3166-1.json
(package iso-codes); OUTPUT defaults to ../countries.actors.txt relative
to this script. Standard library only. The output is deterministic: the
same inputs always give the same bytes.

Supplement format (tab-separated, '#' starts a comment line):
    KEY  KIND  TEXT  [CODES]
  KIND is one of
    cameo    KEY = ISO alpha-3, TEXT = the CAMEO code to use instead
    country  KEY = CAMEO code of a state missing from ISO 3166-1, TEXT = head name
    name / short / former / demonym / capital
             KEY = CAMEO code of a country block; TEXT = a phrase added to it
    drop     KEY = CAMEO code; TEXT = an ISO-derived name NOT to emit
    note     KEY = CAMEO code (country or region block) or entry group;
             TEXT = a comment written above that block
    region   KEY = CAMEO region code; TEXT = a phrase for that region
    section  TEXT = a heading comment for the entries that follow
    entry    KEY = free group label; TEXT = phrase; CODES = code blocks such as
             "[SUN <19911226] [---]". Consecutive entry rows with the same
             KEY and CODES form one synonym block (first row is the head).
"""

import argparse
import json
import os
import re
import sys
import unicodedata

DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SUPPLEMENT = os.path.join(HERE, "countries_supplement.tsv")
DEFAULT_OUTPUT = os.path.join(os.path.dirname(HERE), "countries.actors.txt")

SYNONYM_KINDS = {"name", "short", "former", "demonym", "capital"}
KINDS = SYNONYM_KINDS | {"cameo", "country", "drop", "note", "region",
                         "section", "entry"}

PHRASE_OK = re.compile(r"^[A-Z0-9][A-Z0-9_'.&]*_$")
CODE_SEG = r"(?:---|[A-Z]{3}(?:[A-Z]{3})*(?:/[A-Z]{3}(?:[A-Z]{3})*)*)"
DATE = r"\d{8}"
CODE_BLOCK = re.compile(r"\[" + CODE_SEG + r"(?: (?:<" + DATE + r"|>" + DATE +
                        r"|" + DATE + r"-" + DATE + r"))?\]")
CODE_LIST = re.compile(r"^(?:" + CODE_BLOCK.pattern + r")(?: " +
                       CODE_BLOCK.pattern + r")*$")


class SupplementError(Exception):
    pass


def fold(text):
    """Fold to upper-case ASCII: strip accents, unify apostrophes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.upper()


def ascii_fold(text):
    """Strip accents but keep case (for comments)."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def to_phrase(text):
    """'Côte d'Ivoire' -> "COTE_D'IVOIRE_"."""
    t = fold(text).strip()
    t = re.sub(r"[\s\-]+", "_", t)
    t = re.sub(r"_+", "_", t).strip("_")
    phrase = t + "_"
    if not PHRASE_OK.match(phrase):
        raise SupplementError("cannot make a phrase of %r (got %r)" % (text, phrase))
    return phrase


def natural_forms(name):
    """Turn an ISO list-style name into the forms used in running text.

    'Korea, Republic of'                    -> ['Republic of Korea']
    'Congo, The Democratic Republic of the' -> ['Democratic Republic of the Congo']
    'Virgin Islands, British'               -> ['British Virgin Islands']
    'Holy See (Vatican City State)'         -> ['Holy See', 'Vatican City State']
    'Cocos (Keeling) Islands'               -> ['Cocos Islands', 'Cocos Keeling Islands']
    'Saint Martin (French part)'            -> ['Saint Martin']
    """
    name = name.strip()
    if re.match(r"(?i)^the\s", name):
        name = name[4:]
    forms = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", name)
    if m:
        before, inner, after = m.group(1), m.group(2), m.group(3)
        if after:  # parenthesis inside the name
            forms.append((before + " " + after).strip())
            forms.append((before + " " + inner + " " + after).strip())
        else:
            forms.append(before)
            if not inner.lower().endswith(" part"):
                forms.append(inner)
        return [f for form in forms for f in natural_forms(form)]
    if ", " in name:
        head, tail = name.split(", ", 1)
        if re.search(r"(?i)\bof( the)?$", tail):
            name = tail + " " + head
        elif " " not in tail:
            name = tail + " " + head
        else:
            name = head + " " + tail.replace(",", "")
        if re.match(r"(?i)^the\s", name):
            name = name[4:]
    return [name]


def read_supplement(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise SupplementError("%s:%d: need KEY<TAB>KIND<TAB>TEXT" % (path, lineno))
            key, kind, text = cols[0].strip(), cols[1].strip(), cols[2].strip()
            codes = cols[3].strip() if len(cols) > 3 else ""
            if kind not in KINDS:
                raise SupplementError("%s:%d: unknown kind %r" % (path, lineno, kind))
            if kind == "entry" and not CODE_LIST.match(codes):
                raise SupplementError("%s:%d: bad codes %r" % (path, lineno, codes))
            rows.append((lineno, key, kind, text, codes))
    return rows


class Block:
    def __init__(self, label, codes, comments=()):
        self.label = label          # comment title
        self.codes = codes          # list of code blocks, e.g. ["[COL]"]
        self.phrases = []
        self.comments = list(comments)

    def add(self, phrase):
        if phrase not in self.phrases:
            self.phrases.append(phrase)

    def render(self):
        out = ["# " + self.label]
        out += ["# " + c for c in self.comments]
        if len(self.codes) == 1 and " " not in self.codes[0]:
            out.append("%s %s" % (self.phrases[0], self.codes[0]))
            out += ["+" + p for p in self.phrases[1:]]
        else:
            out.append(self.phrases[0])
            out += ["+" + p for p in self.phrases[1:]]
            out += ["\t" + c for c in self.codes]
        return out


def build(iso_path, supp_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    rows = read_supplement(supp_path)

    cameo_of = {}
    for lineno, key, kind, text, _ in rows:
        if kind == "cameo":
            if not re.match(r"^[A-Z]{3}$", text):
                raise SupplementError("line %d: bad CAMEO code %r" % (lineno, text))
            cameo_of[key] = text

    iso_codes = {e["alpha_3"] for e in iso}
    for key in cameo_of:
        if key not in iso_codes:
            raise SupplementError("cameo override for unknown ISO code %s" % key)

    drops = {}
    for _, key, kind, text, _ in rows:
        if kind == "drop":
            drops.setdefault(key, set()).add(to_phrase(text))

    countries = {}
    used_drops = set()
    for e in sorted(iso, key=lambda e: e["alpha_3"]):
        a3 = e["alpha_3"]
        code = cameo_of.get(a3, a3)
        label = "%s -- ISO 3166-1 %s" % (ascii_fold(e["name"]), a3)
        if code != a3:
            label += ", coded %s" % code
        b = Block(label, ["[%s]" % code])
        names = []
        for field in ("common_name", "name", "official_name"):
            if e.get(field):
                names += natural_forms(e[field])
        for n in names:
            p = to_phrase(n)
            if p in drops.get(code, set()):
                used_drops.add((code, p))
            else:
                b.add(p)
        countries[code] = b
    for code, dropped in drops.items():
        for p in dropped:
            if (code, p) not in used_drops:
                raise SupplementError("drop %s %s matches no ISO name" % (code, p))

    regions = {}
    entries = []          # list of ("section", text) or ("block", Block)
    notes = {}
    current = None
    for lineno, key, kind, text, codes in rows:
        if kind == "country":
            if key in countries:
                raise SupplementError("line %d: %s already exists" % (lineno, key))
            b = Block("%s -- not in ISO 3166-1, CAMEO code %s" % (text, key), ["[%s]" % key])
            b.add(to_phrase(text))
            countries[key] = b
        elif kind in SYNONYM_KINDS:
            if key not in countries:
                raise SupplementError("line %d: no country block %s" % (lineno, key))
            countries[key].add(to_phrase(text))
        elif kind == "region":
            if key not in regions:
                regions[key] = Block("CAMEO region %s (%s)" % (key, text), ["[%s]" % key])
            regions[key].add(to_phrase(text))
        elif kind == "note":
            notes.setdefault(key, []).append(text)
        elif kind == "section":
            entries.append(("section", text))
            current = None
        elif kind == "entry":
            if current is not None and current.key == key and current.raw == codes:
                current.add(to_phrase(text))
            else:
                current = Block(key, re.findall(r"\[[^\]]*\]", codes))
                current.key, current.raw = key, codes
                current.add(to_phrase(text))
                entries.append(("block", current))
        if kind not in ("entry", "note"):
            current = None

    for key, texts in notes.items():
        target = countries.get(key) or regions.get(key)
        if target is not None:
            target.comments += texts
        else:
            hits = [b for t, b in entries if t == "block" and b.label == key]
            if not hits:
                raise SupplementError("note for unknown key %s" % key)
            hits[0].comments += texts

    # every phrase must resolve to exactly one block
    owner = {}
    all_blocks = list(countries.values()) + list(regions.values()) + \
        [b for t, b in entries if t == "block"]
    for b in all_blocks:
        for p in b.phrases:
            if p in owner and owner[p] is not b:
                raise SupplementError("phrase %s is in two blocks: %r and %r"
                                      % (p, owner[p].label, b.label))
            owner[p] = b
    return countries, regions, entries, len(iso)


HEADER = """\
# countries.actors.txt -- polybius actor dictionary: states, territories,
# CAMEO regions, historical states, seats of power and sub-state entries.
#
# GENERATED FILE -- do not edit by hand. Edit tools/countries_supplement.tsv
# (or tools/make_countries.py) and regenerate from the dictionaries/ folder:
#     python3 tools/make_countries.py [ISO_JSON] [-o countries.actors.txt]
# ISO_JSON is iso_3166-1.json from the Debian/Ubuntu package iso-codes
# (json/iso_3166-1.json under the package's data folder, the script default).
#
# Sources: written for polybius from general knowledge; country codes from
# CAMEO/ISO 3166 (ISO 3166-1 names from iso-codes, %(n)d entries; CAMEO
# deviations from the project's CAMEO country-code table). As of 2026-11.
#
# Conventions
# * Every ISO 3166-1 entry has a block: ISO short name, common name and
#   official name, coded with its CAMEO code. CAMEO = ISO alpha-3 except:
#   East Timor is coded TMP (the withdrawn ISO code that CAMEO, GDELT and
#   Phoenix still use) rather than TLS, so output joins with existing CAMEO
#   data; Romania stays ROU (ISO and Phoenix; GDELT writes ROM); Montenegro
#   MNE (GDELT: MTN); Isle of Man IMN (GDELT: IMY). Kosovo, which has no
#   ISO 3166-1 code, is KSV.
# * Phrases are upper case, words joined by "_", every word exact ("_"),
#   accents folded to ASCII, hyphens written as "_", apostrophes kept.
#   Regular endings (S, 'S) are added by the loader, so plurals of
#   demonyms are not listed; irregular ones (FRENCHMEN) are.
# * Capitals are coded as the country; seats of power that stand for an
#   institution carry the role (WHITE_HOUSE_ = USAGOV).
# * [---] entries are geographic names that contain a country word but
#   name no actor (INDIAN_OCEAN_, SOUTH_CHINA_SEA_): longest match lets
#   them absorb the country word.
# * Known ambiguous names kept on purpose: GEORGIA_ (also a US state),
#   JORDAN_ and CHAD_ (also given names), TURKEY_ (the bird), NIGER_,
#   POLISH_ (also a verb), JERSEY_ (also a garment; NEW_JERSEY_ is coded
#   USA so it cannot turn into the Channel Island).
"""


def render(countries, regions, entries, n_iso):
    out = (HEADER % {"n": n_iso}).splitlines()
    out += ["", "# " + "=" * 70, "# States and territories (sorted by CAMEO code)",
            "# " + "=" * 70, ""]
    for code in sorted(countries):
        out += countries[code].render() + [""]
    out += ["# " + "=" * 70, "# CAMEO regions (CAMEO manual table 3.3)",
            "# " + "=" * 70, ""]
    for code in sorted(regions):
        out += regions[code].render() + [""]
    for kind, item in entries:
        if kind == "section":
            out += ["# " + "=" * 70, "# " + item, "# " + "=" * 70, ""]
        else:
            out += item.render() + [""]
    for line in out:
        if len(line) >= 250:
            raise SupplementError("line too long: %s" % line[:60])
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("iso_json", nargs="?", default=DEFAULT_ISO,
                    help="iso_3166-1.json from iso-codes (default: %(default)s)")
    ap.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                    help="output file (default: ../countries.actors.txt); '-' for stdout")
    ap.add_argument("--supplement", default=DEFAULT_SUPPLEMENT,
                    help="supplement TSV (default: countries_supplement.tsv next to this script)")
    args = ap.parse_args(argv)
    try:
        countries, regions, entries, n_iso = build(args.iso_json, args.supplement)
        text = render(countries, regions, entries, n_iso)
    except (SupplementError, OSError, ValueError, KeyError) as exc:
        print("make_countries: %s" % exc, file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        n_phr = sum(len(b.phrases) for b in countries.values())
        print("make_countries: wrote %s (%d country blocks, %d country phrases)"
              % (args.output, len(countries), n_phr), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
