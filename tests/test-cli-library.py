#!/usr/bin/python3
# test-cli-library.py: the protocol library from the command line, as a
# script would drive it: import, protocols, outline, show, topic, their
# --json output, and the one-line errors.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import sys
import tempfile

CONCORDAT = os.environ["CONCORDAT"]
SHARED = os.environ["CONCORDAT_SHARED_PROTOCOLS"]
results = []


def run(*args):
    env = dict(os.environ, CONCORDAT_DATA_DIR=DATA)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    p = subprocess.run([CONCORDAT, *args], capture_output=True, text=True, env=env, timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(description, condition, detail=""):
    results.append(bool(condition))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")


def run_json(*args):
    status, out, err = run(*args, "--json")
    try:
        return status, json.loads(out), err
    except json.JSONDecodeError:
        return status, None, f"not JSON: {out!r} {err!r}"


with tempfile.TemporaryDirectory() as DATA:
    # A fresh library holds the model protocol.
    status, docs, err = run_json("protocols")
    check("protocols lists the model protocol on a fresh library",
          status == 0 and [d["id"] for d in docs] == ["model"] and docs[0]["bundled"], (docs, err))

    imported = {}
    for name, sections, paragraphs in [("joint-councillor-officer-protocol.txt", 18, 93),
                                       ("wokingham-chapter-9-3.txt", 35, 79),
                                       ("carlisle-2007-executive-report.txt", 40, 206)]:
        status, doc, err = run_json("import", os.path.join(SHARED, name))
        check(f"import {name}: {sections} sections, {paragraphs} paragraphs",
              status == 0 and doc["sections"] == sections and doc["paragraphs"] == paragraphs
              and isinstance(doc["warnings"], list) and doc["id"],
              (doc, err))
        imported[name] = doc["id"] if doc else None

    joint = imported["joint-councillor-officer-protocol.txt"]
    wokingham = imported["wokingham-chapter-9-3.txt"]
    carlisle = imported["carlisle-2007-executive-report.txt"]

    status, out, err = run("import", os.path.join(SHARED, "joint-councillor-officer-protocol.txt"), "--json")
    check("importing the same file twice says it is already there, and exits 1",
          status == 1 and err.startswith("concordat: ") and "is already in the library" in err
          and err.count("\n") == 1, err)

    status, docs, err = run_json("protocols")
    check("protocols lists all four", status == 0 and len(docs) == 4, docs)

    status, out, err = run("import", os.path.join(SHARED, "wokingham-chapter-9-3.txt") + ".missing")
    check("importing a missing file names it", status == 1 and ".missing" in err, err)

    status, out, err = run("import", os.path.join(SHARED, "carlisle-2007-executive-report.txt"),
                           "--title", "Carlisle 2007")
    check("the same bytes under another title are still the same file", status == 1, err)

    status, out, err = run("import", SHARED + "/../protocols/joint-councillor-officer-protocol.txt")
    check("text output of a refused import is one line", status == 1 and err.count("\n") == 1, err)

    status, outline, err = run_json("outline", wokingham)
    top = [s["heading"] for s in outline] if outline else []
    officers = next((s for s in outline or [] if s["heading"].endswith("Responsibilities of Officers")), None)
    groups = next((c for c in (officers or {}).get("children", []) if c["citation"] == "10"), None)
    check("outline --json nests sections with their paragraphs' citations",
          status == 0 and "Supporting Guidance on Media Relations" in top and groups is not None
          and groups["level"] == 2
          and groups["paragraphs"] == ["Role and Responsibilities of Officers 10"], (top, groups, err))

    status, para, err = run_json("show", joint, "8.3")
    check("show --json gives doc, citation, section, text and topics",
          status == 0 and para["doc"] == joint and para["citation"] == "8.3"
          and para["section"] == "PARTY GROUPS AND OFFICERS"
          and para["text"].startswith("In their dealings with party groups")
          and "party-groups" in para["topics"], (para, err))

    status, para, err = run_json("show", wokingham, "Media Relations 6")
    check("show finds a qualified citation", status == 0 and "media" in para["topics"]
          and "\ng) take particular care" in para["text"], (para, err))

    status, para, err = run_json("show", carlisle, "92")
    check("show finds the protocol inside the Carlisle report",
          status == 0 and para["section"].startswith("Party Groups and Officers"), (para, err))

    status, out, err = run("show", joint, "99.9")
    check("show of a missing citation says how to find them",
          status == 1 and err == f"concordat: “{joint}” has no paragraph 99.9. "
          f"Run “concordat outline {joint}” to see its citations.\n", err)

    status, out, err = run("show", "nowhere", "1")
    check("an unknown document says how to list them",
          status == 1 and "Run “concordat protocols” to see their ids." in err, err)

    status, cited, err = run_json("topic", carlisle, "premises")
    check("topic lists the paragraphs about premises, in order",
          status == 0 and "136" in cited and "137" in cited
          and cited.index("136") < cited.index("137"), (cited, err))

    status, cited, err = run_json("topic", "model", "party-groups")
    check("the model protocol cites party groups", status == 0 and len(cited) >= 3, (cited, err))

    status, out, err = run("topic", joint, "gardening")
    check("an unknown topic lists the topics",
          status == 1 and "there is no topic “gardening”" in err and "party-groups" in err, err)

    status, found, err = run_json("search", "brief", "--limit", "5")
    check("search finds briefings by stem, ranked, with marked snippets",
          status == 0 and 0 < len(found) <= 5
          and all(set(r) == {"doc", "citation", "section", "snippet", "rank"} for r in found)
          and any("**brief" in r["snippet"].lower() for r in found)
          and [r["rank"] for r in found] == sorted(r["rank"] for r in found), (found, err))

    status, found, err = run_json("search", "media", "--doc", wokingham)
    check("search --doc keeps to one protocol",
          status == 0 and found and all(r["doc"] == wokingham for r in found), (found, err))

    status, found, err = run_json("search", '"party group" AND ( * -officer NEAR(')
    check("search never passes input through as query syntax", status == 0 and isinstance(found, list), err)

    status, out, err = run("search", "briefing", "--doc", "nowhere")
    check("search in an unknown protocol names it", status == 1 and "nowhere" in err, err)

    status, out, err = run("outline")
    check("outline without a document says what it takes",
          status == 1 and "“outline” takes DOC" in err, err)

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
