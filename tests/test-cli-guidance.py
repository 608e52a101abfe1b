#!/usr/bin/python3
# test-cli-guidance.py: the guidance engine from the command line, as a
# script drives it: each wizard run end to end from an answers file, stops
# and bad answers that record nothing, the record, duties and the ledger.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import subprocess
import tempfile

CONCORDAT = os.environ["CONCORDAT"]
results = []
TODAY = "2026-12-23"  # a Wednesday; two working days on is Tuesday 29 December


def run(*args, today=TODAY, stdin=None):
    env = dict(os.environ, CONCORDAT_DATA_DIR=DATA, CONCORDAT_TODAY=today)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    p = subprocess.run([CONCORDAT, *args], capture_output=True, text=True, env=env,
                       timeout=60, input=stdin)
    return p.returncode, p.stdout, p.stderr


def run_json(*args, **kwargs):
    status, out, err = run(*args, "--json", **kwargs)
    try:
        return status, json.loads(out), err
    except json.JSONDecodeError:
        return status, None, f"not JSON: {out!r} {err!r}"


def check(description, condition, detail=""):
    results.append(bool(condition))
    print(f"{'ok' if condition else 'not ok'} {len(results)} - {description}")
    if not condition and detail:
        for line in str(detail).splitlines():
            print(f"# {line}")


def answers_file(name, answers):
    path = os.path.join(DATA, name)
    with open(path, "w", encoding="utf-8") as f:
        if isinstance(answers, str):
            f.write(answers)
        else:
            json.dump(answers, f)
    return path


def snapshot():
    """What is stored, as the commands show it."""
    return [run_json(*command)[1] for command in
            (["record"], ["duties", "--status", "all"], ["ledger"])]


BRIEFING = {
    "requesting_group": "Labour", "requester_role": "group-leader", "topic": "Local plan",
    "council_business": True, "officer": "Director of Place", "officer_is_senior": True,
    "meeting_date": "2027-01-07", "non_members_present": False, "budget_proposals": False,
}
VISIT = {
    "member": "Cllr Ada Jones", "member_ward": "Abbey", "premises": "Willowholme depot",
    "premises_ward": "Castle", "visit_date": "2027-01-05", "purpose": "To see the gritters",
    "vulnerable_setting": False, "arranged_with_manager": False,
    "health_safety_ack": True, "no_interference_ack": True,
}
MEDIA = {
    "role": "officer", "outlet": "Cumberland News", "contact_date": "2027-01-06",
    "subject": "Bin collections", "press_release_wanted": False, "authorised": True,
    "comms_informed": False, "members_to_inform": "Cllr Ada Jones", "sensitive_matter": False,
}

with tempfile.TemporaryDirectory() as DATA:
    # The council, set up from the command line.
    for command in (["groups", "add", "Labour", "--leader", "Cllr Ann Lee"],
                    ["groups", "add", "Conservative"], ["groups", "add", "Liberal Democrat"],
                    ["wards", "add", "Abbey"], ["wards", "add", "Castle"]):
        status, out, err = run(*command)
        check(f"{' '.join(command)}", status == 0, err)

    # --- the wizards ---
    status, wizards, err = run_json("wizard", "list")
    check("wizard list names the three wizards",
          status == 0 and [w["id"] for w in wizards] == ["briefing", "media-contact", "premises-visit"]
          and all(w["title"] and w["description"] and w["audience"] and w["version"] >= 1
                  for w in wizards), (wizards, err))

    status, out, err = run("wizard", "list")
    check("wizard list as text shows each title and who it is for",
          status == 0 and "Party group briefing request" in out and "for officers" in out, out + err)

    expected_fields = {
        "briefing": ["requesting_group", "requester_role", "topic", "council_business", "officer",
                     "officer_is_senior", "non_members_present", "chief_officer_agreed",
                     "budget_proposals", "meeting_date"],
        "premises-visit": ["member", "member_ward", "premises", "premises_ward", "visit_date",
                           "purpose", "vulnerable_setting", "arranged_with_manager",
                           "not_practicable_reason", "health_safety_ack", "no_interference_ack"],
        "media-contact": ["role", "outlet", "contact_date", "subject", "capacity",
                          "press_release_wanted", "party_political", "insurance_or_claims",
                          "consult_members", "authorised", "comms_informed", "members_to_inform",
                          "sensitive_matter"],
    }
    for wizard, fields in expected_fields.items():
        status, shown, err = run_json("wizard", "show", wizard)
        ids = [f["id"] for s in (shown or {}).get("steps", []) for f in s["fields"]]
        check(f"wizard show {wizard} has the fields scripts drive it by",
              status == 0 and set(fields) <= set(ids), (ids, err))
    roles = [c["value"] for s in shown["steps"] for f in s["fields"] if f["id"] == "role"
             for c in f["choices"]]
    check("wizard show lists a choice's values", roles == ["member", "officer"], roles)

    status, out, err = run("wizard", "show", "briefings")
    check("wizard show of an unknown wizard names the ones there are",
          status == 1 and "briefings" in err and "briefing" in err.replace("briefings", ""), err)

    # --- a dry run records nothing ---
    before = snapshot()
    path = answers_file("briefing.json", BRIEFING)
    status, outcome, err = run_json("wizard", "run", "briefing", "--answers", path, "--dry-run")
    check("wizard run --dry-run shows what it would record",
          status == 0 and outcome["action"] is None
          and [d["due"] for d in outcome["duties"]] == ["2026-12-29", "2026-12-29", "2027-01-11"]
          and all(d["id"] is None for d in outcome["duties"]), (outcome, err))
    check("a dry run writes nothing", snapshot() == before)

    # --- briefing, end to end ---
    status, outcome, err = run_json("wizard", "run", "briefing", "--answers", path)
    check("wizard run briefing records an action with its duties and ledger",
          status == 0 and outcome["action"] >= 1
          and outcome["summary"] == "Briefing on “Local plan” for Labour by Director of Place "
                                    "on Thursday 7 January 2027"
          and [d["title"] for d in outcome["duties"]] == [
              "Offer Conservative the briefing on “Local plan”",
              "Offer Liberal Democrat the briefing on “Local plan”",
              "Check any written record of the Labour meeting that attributes advice to "
              "Director of Place"]
          and all(isinstance(d["id"], int) for d in outcome["duties"])
          and {(c["group"], c["state"]) for c in outcome["ledger"]} == {
              ("Labour", "requested"), ("Conservative", "to-offer"),
              ("Liberal Democrat", "to-offer")}
          and outcome["document"] == "model" and outcome["citations"], (outcome, err))
    briefing_action = outcome["action"] if outcome else None
    offer_duty = outcome["duties"][0]["id"] if outcome else None

    status, ledger, err = run_json("ledger")
    check("ledger shows the topic, who asked, and each group's state",
          status == 0 and len(ledger) == 1 and ledger[0]["topic"] == "Local plan"
          and ledger[0]["requested_by"] == "Labour"
          and {g["group"]: g["state"] for g in ledger[0]["groups"]} == {
              "Labour": "requested", "Conservative": "to-offer", "Liberal Democrat": "to-offer"}
          and all(g["date"] == TODAY for g in ledger[0]["groups"]), (ledger, err))

    # --- premises visit, from standard input ---
    status, outcome, err = run_json("wizard", "run", "premises-visit", "--answers", "-",
                                    stdin=json.dumps(VISIT))
    check("wizard run premises-visit reads answers from standard input",
          status == 0 and outcome["action"] > briefing_action
          and [(d["title"], d["due"]) for d in outcome["duties"]] == [
              ("Tell the members for Castle about Cllr Ada Jones's visit to Willowholme depot",
               "2027-01-04"),
              ("Arrange Cllr Ada Jones's visit to Willowholme depot with the manager in charge",
               "2027-01-04")], (outcome, err))

    # --- media contact, as text ---
    path = answers_file("media.json", MEDIA)
    status, out, err = run("wizard", "run", "media-contact", "--answers", path)
    check("wizard run media-contact prints what it recorded",
          status == 0 and out.startswith("Recorded action ")
          and "Tell the communications team about the media interest" in out
          and "due 2026-12-24" in out, out + err)

    status, record, err = run_json("record")
    check("record lists the three actions, newest first",
          status == 0 and [a["wizard"] for a in record] == ["media-contact", "premises-visit", "briefing"]
          and all(a["created"] and a["date"] == TODAY and a["summary"] for a in record),
          (record, err))
    status, record, err = run_json("record", "--wizard", "briefing")
    check("record --wizard keeps to one wizard",
          status == 0 and [a["id"] for a in record] == [briefing_action], (record, err))
    status, shown, err = run_json("record", "show", str(briefing_action))
    check("record show gives the answers, citations and duties",
          status == 0 and shown["answers"]["topic"] == "Local plan"
          and shown["answers"]["requesting_group"] == "Labour"
          and any(c["citation"] == "8.6" for c in shown["citations"])
          and len(shown["duties"]) == 3 and shown["wizard_version"] == 1, (shown, err))

    # --- stops and bad answers record nothing ---
    before = snapshot()
    stop = answers_file("party.json", dict(BRIEFING, council_business=False))
    status, out, err = run("wizard", "run", "briefing", "--answers", stop)
    check("a stop prints the reason and exits 2",
          status == 2 and "council business only" in err and "8." in err, err)
    stop = answers_file("unauthorised.json", dict(MEDIA, authorised=False))
    status, out, err = run("wizard", "run", "media-contact", "--answers", stop)
    check("an officer not authorised is stopped", status == 2 and "authorised" in err, err)
    stop = answers_file("unsafe.json", dict(VISIT, health_safety_ack=False))
    status, out, err = run("wizard", "run", "premises-visit", "--answers", stop)
    check("a visit without following the safety rules is stopped",
          status == 2 and "health and safety" in err, err)

    bad = answers_file("bad.json", dict(BRIEFING, requesting_group="Greens",
                                        meeting_date="2026-02-30", colour="blue"))
    status, out, err = run("wizard", "run", "briefing", "--answers", bad)
    check("invalid answers print every problem with its field and exit 1",
          status == 1 and "requesting_group" in err and "Greens" in err
          and "meeting_date" in err and "2026-02-30" in err and "colour" in err
          and "nothing was recorded" in err, err)
    missing = answers_file("missing.json", {k: v for k, v in BRIEFING.items() if k != "topic"})
    status, out, err = run("wizard", "run", "briefing", "--answers", missing)
    check("a required answer left out is named", status == 1 and "topic" in err, err)

    for name, contents, message in (("notjson.json", "{topic: ", "not valid JSON"),
                                    ("array.json", "[1, 2]", "one JSON object"),
                                    ("empty.json", "", "is empty")):
        status, out, err = run("wizard", "run", "briefing", "--answers", answers_file(name, contents))
        check(f"an answers file that is {name[:-5]} is refused", status == 1 and message in err, err)
    status, out, err = run("wizard", "run", "briefing", "--answers", os.path.join(DATA, "nowhere.json"))
    check("a missing answers file is refused", status == 1 and "nowhere.json" in err, err)
    status, out, err = run("wizard", "run", "briefing")
    check("wizard run without --answers says what it needs", status == 1 and "--answers" in err, err)
    check("nothing refused wrote anything", snapshot() == before)

    # --- duties ---
    status, duties, err = run_json("duties")
    check("duties lists the pending duties with the action that created them",
          status == 0 and len(duties) == 7
          and all(set(d) >= {"id", "title", "due", "status", "action"} for d in duties)
          and all(d["status"] == "pending" for d in duties)
          and [d["due"] for d in duties] == sorted(d["due"] for d in duties), (duties, err))
    status, overdue, err = run_json("duties", "--status", "overdue", today="2027-01-05")
    check("duties --status overdue lists those past their date",
          status == 0 and {d["due"] for d in overdue} == {"2026-12-24", "2026-12-29", "2027-01-04"}
          and all(d["status"] == "overdue" for d in overdue), (overdue, err))
    status, out, err = run("duties", "--status", "late")
    check("an unknown status is refused with the statuses", status == 1
          and "pending, overdue, done or all" in err, err)

    check_duty = [d for d in duties if d["title"].startswith("Check any written record")][0]["id"]
    status, out, err = run("duty", "done", str(check_duty))
    check("duty done marks it done", status == 0, err)
    status, done, err = run_json("duties", "--status", "done")
    check("the done duty is listed as done",
          status == 0 and [d["id"] for d in done] == [check_duty] and done[0]["status"] == "done",
          (done, err))
    status, out, err = run("duty", "done", str(check_duty))
    check("a duty cannot be done twice", status == 1 and "already done" in err, err)
    status, out, err = run("duty", "done", "9999")
    check("an unknown duty is named", status == 1 and "9999" in err, err)
    status, out, err = run("duty", "done", "first")
    check("a duty id that is not a number is refused", status == 1 and "first" in err, err)

    visit_duty = [d for d in duties if d["title"].startswith("Arrange")][0]["id"]
    status, out, err = run("duty", "snooze", str(visit_duty), "--until", "2027-01-05")
    check("duty snooze puts a duty off", status == 0, err)
    status, all_duties, err = run_json("duties", "--status", "all")
    snoozed = [d for d in all_duties if d["id"] == visit_duty][0]
    check("the snoozed duty keeps its due date and shows the new one",
          snoozed["due"] == "2027-01-04" and snoozed["snoozed_until"] == "2027-01-05", snoozed)
    status, out, err = run("duty", "snooze", str(visit_duty), "--until", "2026-12-01")
    check("a duty cannot be snoozed into the past", status == 1 and "2026-12-01" in err, err)
    status, out, err = run("duty", "snooze", str(visit_duty), "--until", "2026-13-40")
    check("a snooze to no real date is refused", status == 1 and "2026-13-40" in err, err)

    # --- ledger set ---
    before = snapshot()
    for args, message in ((["Local plan", "Greens", "offered"], "Greens"),
                          (["Local plan", "Conservative", "sent"], "offered"),
                          (["Housing", "Conservative", "offered"], "Housing")):
        status, out, err = run("ledger", "set", *args)
        check(f"ledger set {' '.join(args)} is refused with the reason",
              status == 1 and message in err, err)
    check("a refused ledger set changes nothing", snapshot() == before)

    status, out, err = run("ledger", "set", "local plan", "conservative", "offered")
    check("ledger set records what happened", status == 0, err)
    status, ledger, err = run_json("ledger")
    cells = {g["group"]: g for g in ledger[0]["groups"]}
    check("the ledger shows the group offered, and the other still a gap",
          cells["Conservative"]["state"] == "offered" and not cells["Conservative"]["gap"]
          and cells["Liberal Democrat"]["state"] == "to-offer" and cells["Liberal Democrat"]["gap"],
          ledger)
    status, duties, err = run_json("duties", "--status", "all")
    offer = [d for d in duties if d["id"] == offer_duty][0]
    check("recording the offer marks the duty to offer it done", offer["status"] == "done", offer)

    # --- the record survives: check still passes ---
    status, out, err = run("check")
    check("the database checks sound after all of it", status == 0 and "ok" in out, out + err)

print(f"1..{len(results)}")
