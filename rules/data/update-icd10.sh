#!/bin/sh
# Rebuild icd10cm-2026.txt from the official list shipped in the PyPI package
# simple-icd-10-cm (public-domain CDC/CMS data). Needs python3 and pip.
set -eu
tmp=$(mktemp -d)
pip download --no-deps -d "$tmp" simple-icd-10-cm >/dev/null
python3 - "$tmp" "$(dirname "$0")/icd10cm-2026.txt" <<'PY'
import glob, re, sys, zipfile
whl = glob.glob(sys.argv[1] + "/simple_icd_10_cm-*.whl")[0]
z = zipfile.ZipFile(whl)
name = [n for n in z.namelist() if re.search(r"data/code-list-.*\.txt$", n)][0]
codes = [l.strip() for l in z.read(name).decode().splitlines()]
keep = [c for c in codes if re.fullmatch(r"[A-Z][0-9A-Z]{2,6}", c)]
with open(sys.argv[2], "w") as f:
    f.write("# ICD-10-CM code list, dots removed, one code per line.\n")
    f.write("# Source: CDC NCHS / CMS ICD-10-CM (public domain), via PyPI simple-icd-10-cm: %s\n" % name)
    f.writelines(c + "\n" for c in keep)
PY
rm -rf "$tmp"
