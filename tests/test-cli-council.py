#!/usr/bin/python3
# test-cli-council.py: setting up the council from the command line, as a
# script would: council, groups, wards and holidays, their --json output,
# and the one-line refusals that leave the record as it was.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import sqlite3
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


def state():
    """Everything the council commands show, to compare before and after."""
    return [run("council", "--json")[1], run("groups", "--all", "--json")[1],
            run("wards", "--json")[1], run("holidays", "--json")[1]]


def refused(description, args, message):
    """A refusal is one line on stderr with exit status 1, and changes nothing."""
    before = state()
    status, out, err = run(*args)
    after = state()
    check(f"{description}: refused with its message, exit 1, nothing written",
          status == 1 and out == "" and err == f"concordat: {message}\n" and after == before,
          f"status {status}\nstdout {out!r}\nstderr {err!r}\nchanged: {after != before}")


with tempfile.TemporaryDirectory() as DATA:
    # --- council ---
    status, council, err = run_json("council")
    check("council --json on a fresh store gives the defaults, numbers as numbers",
          status == 0 and council == {
              "name": "", "briefing-rule": "offer-to-all", "polling-day": None,
              "pre-election-days": 25, "info-response-days": 2,
              "region": "england-wales", "protocol": "model"}, (council, err))

    status, out, err = run("council")
    check("council prints one key: value line per setting",
          status == 0 and out == "name: (not set)\nbriefing-rule: offer-to-all\npolling-day: none\n"
          "pre-election-days: 25\ninfo-response-days: 2\nregion: england-wales\nprotocol: model\n",
          out + err)

    for key, value, shown in [("name", "  Borsetshire County Council ", "Borsetshire County Council"),
                              ("briefing-rule", "on-request", "on-request"),
                              ("polling-day", "2027-05-06", "2027-05-06"),
                              ("pre-election-days", "25", "25"),
                              ("info-response-days", "10", "10"),
                              ("region", "scotland", "scotland"),
                              ("protocol", "model", "model")]:
        status, out, err = run("council", "set", key, value)
        check(f"council set {key} prints the new value",
              status == 0 and out == f"{key}: {shown}\n" and err == "", out + err)

    status, council, err = run_json("council")
    check("council --json reads the settings back, with the pre-election start",
          status == 0 and council == {
              "name": "Borsetshire County Council", "briefing-rule": "on-request",
              "polling-day": "2027-05-06", "pre-election-days": 25, "info-response-days": 10,
              "region": "scotland", "protocol": "model",
              "pre-election-start": "2027-03-31"}, (council, err))

    status, out, err = run("council")
    check("council text shows the polling day and the period's start",
          status == 0 and "polling-day: 2027-05-06\n" in out
          and out.endswith("pre-election-start: 2027-03-31\n"), out + err)

    status, out, err = run("council", "set", "region", "england-wales")
    status, out, err = run("council", "set", "pre-election-days", "27")
    status, council, err = run_json("council")
    check("27 working days back from 6 May 2027 skip Easter Monday and Good Friday",
          status == 0 and council["pre-election-start"] == "2027-03-25", (council, err))

    status, council, err = run_json("council", "set", "pre-election-days", "25")
    check("council set --json prints the whole council",
          status == 0 and council["pre-election-days"] == 25
          and council["pre-election-start"] == "2027-03-31", (council, err))

    path = os.path.join(SHARED, "joint-councillor-officer-protocol.txt")
    status, doc, err = run_json("import", path)
    status, out, err = run("council", "set", "protocol", doc["id"] if doc else "?")
    check("council set protocol takes a protocol in the library",
          status == 0 and out == f"protocol: {doc['id']}\n", out + err)

    refused("a date that is not real", ["council", "set", "polling-day", "2026-13-40"],
            "polling-day: “2026-13-40” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06")
    refused("a date in another form", ["council", "set", "polling-day", "6/5/2027"],
            "polling-day: “6/5/2027” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06")
    refused("an unknown briefing rule", ["council", "set", "briefing-rule", "sometimes"],
            "briefing-rule: “sometimes” is not a rule; use offer-to-all or on-request")
    refused("no pre-election days", ["council", "set", "pre-election-days", "0"],
            "pre-election-days: “0” is not a whole number of working days from 1 to 100; give one such as 25")
    refused("too many pre-election days", ["council", "set", "pre-election-days", "101"],
            "pre-election-days: “101” is not a whole number of working days from 1 to 100; give one such as 25")
    refused("negative pre-election days after --", ["council", "set", "pre-election-days", "--", "-5"],
            "pre-election-days: “-5” is not a whole number of working days from 1 to 100; give one such as 25")
    refused("too many response days", ["council", "set", "info-response-days", "61"],
            "info-response-days: “61” is not a whole number of working days from 1 to 60; give one such as 2")
    refused("response days in words", ["council", "set", "info-response-days", "two"],
            "info-response-days: “two” is not a whole number of working days from 1 to 60; give one such as 2")
    refused("an unknown region", ["council", "set", "region", "wales"],
            "region: “wales” is not a region; use england-wales, scotland or northern-ireland")
    refused("a protocol not in the library", ["council", "set", "protocol", "nowhere"],
            "protocol: there is no protocol “nowhere” in the library; run “concordat protocols” to see their ids")
    refused("an empty name", ["council", "set", "name", "  "],
            "name: the council’s name cannot be empty; give it as it appears on its letters, "
            "such as “Borsetshire County Council”")
    refused("a name on two lines", ["council", "set", "name", "Borsetshire\nCouncil"],
            "name: the council’s name cannot contain a line break; give it on one line")
    refused("a name too long", ["council", "set", "name", "x" * 201],
            "name: the council’s name can be at most 200 characters long, not 201; shorten it")
    refused("an unknown key", ["council", "set", "colour", "blue"],
            "There is no council setting “colour”; the settings are name, briefing-rule, polling-day, "
            "pre-election-days, info-response-days, region and protocol")
    refused("set without a value", ["council", "set", "name"],
            "“council” takes set KEY VALUE. Run “concordat --help” to see the commands.")
    refused("an unknown sub-command of council", ["council", "show"],
            "“council” has no sub-command “show”; use set, or “concordat council” alone to list. "
            "Run “concordat --help” to see the commands.")

    status, out, err = run("council", "set", "polling-day", "none")
    status2, council, err2 = run_json("council")
    check("council set polling-day none clears it, and the start goes with it",
          status == 0 and out == "polling-day: none\n" and council["polling-day"] is None
          and "pre-election-start" not in council, (out, err, council, err2))

    # --- groups ---
    status, out, err = run("groups")
    check("groups on a fresh store says how to add one",
          status == 0 and out == "No party groups are set up. Add one with “concordat groups add NAME”.\n",
          out + err)
    refused("finding a group when there are none", ["groups", "remove", "Greens"],
            "There is no party group called “Greens”; no groups are set up yet. "
            "Add one with “concordat groups add NAME”")

    status, out, err = run("groups", "add", "Labour", "--leader", "Ann Smith")
    check("groups add with --leader", status == 0 and out == "Added the party group “Labour”.\n", out + err)
    status, group, err = run_json("groups", "add", "Conservative")
    check("groups add --json prints the group",
          status == 0 and group == {"name": "Conservative", "leader": "", "active": True}, (group, err))
    status, out, err = run("groups", "add", "Green")
    status, out, err = run("groups", "add", "Liberal Democrat")

    status, groups, err = run_json("groups")
    check("groups --json lists name, leader and active, by name",
          status == 0 and groups == [
              {"name": "Conservative", "leader": "", "active": True},
              {"name": "Green", "leader": "", "active": True},
              {"name": "Labour", "leader": "Ann Smith", "active": True},
              {"name": "Liberal Democrat", "leader": "", "active": True}], (groups, err))

    status, out, err = run("groups")
    check("groups lists the groups with their leaders",
          status == 0 and out == "Conservative\nGreen\nLabour (leader: Ann Smith)\nLiberal Democrat\n", out + err)

    refused("a group that exists, in another case", ["groups", "add", "LABOUR"],
            "There is already a party group called “Labour”")
    refused("a group without a name", ["groups", "add", " "],
            "A party group needs a name; give it as people know it, such as “Labour”")
    refused("a group name too long", ["groups", "add", "g" * 101],
            "A party group’s name can be at most 100 characters long, not 101; shorten it")
    refused("a group name on two lines", ["groups", "add", "Green\nParty"],
            "A party group’s name cannot contain a line break; give it on one line")
    refused("an unknown group", ["groups", "leader", "Greens", "Someone"],
            "There is no party group called “Greens”; the groups are Conservative, Green, Labour, Liberal Democrat")
    refused("a rename onto another group", ["groups", "rename", "Green", "labour"],
            "There is already a party group called “Labour”")
    refused("--leader given to remove", ["groups", "remove", "Green", "--leader", "X"],
            "--leader goes with “concordat groups add NAME”; to change a group’s leader, "
            "use “concordat groups leader NAME LEADER”")
    refused("--all given to add", ["groups", "add", "Reform", "--all"],
            "--all goes with “concordat groups” alone, which lists the groups")
    refused("an unknown sub-command of groups", ["groups", "delete", "Green"],
            "“groups” has no sub-command “delete”; use add, remove, rename or leader, "
            "or “concordat groups” alone to list. Run “concordat --help” to see the commands.")
    refused("rename without the new name", ["groups", "rename", "Green"],
            "“groups” takes rename NAME NEW. Run “concordat --help” to see the commands.")

    status, out, err = run("groups", "rename", "labour", "Labour and Co-operative")
    check("groups rename finds the group in any case and prints it",
          status == 0 and out == "Labour and Co-operative (leader: Ann Smith)\n", out + err)
    status, group, err = run_json("groups", "leader", "Labour and Co-operative", "Bob Jones")
    check("groups leader changes the leader",
          status == 0 and group == {"name": "Labour and Co-operative", "leader": "Bob Jones", "active": True},
          (group, err))

    # The record refers to Labour and Co-operative, through the ledger.
    with sqlite3.connect(os.path.join(DATA, "concordat.db")) as db:
        db.execute("INSERT INTO briefing_topics (id, name, date) VALUES (1, 'Budget', '2026-11-02')")
        db.execute("INSERT INTO ledger (topic_id, group_id, state, date) "
                   "SELECT 1, id, 'briefed', '2026-11-02' FROM party_groups WHERE name = 'Labour and Co-operative'")
    db.close()

    status, out, err = run("groups", "remove", "green")
    check("groups remove deletes a group nothing refers to",
          status == 0 and out == "Removed the party group “Green”.\n", out + err)
    status, out, err = run("groups", "remove", "Labour and Co-operative")
    check("groups remove keeps a group the record refers to, inactive, and says why",
          status == 0 and out == "Kept the party group “Labour and Co-operative” but made it inactive, "
          "because the record refers to it.\n", out + err)
    status, done, err = run_json("groups", "remove", "Conservative")
    check("groups remove --json says it was removed",
          status == 0 and done == {"name": "Conservative", "removed": True}, (done, err))

    status, groups, err = run_json("groups")
    check("the inactive group is not listed", status == 0 and [g["name"] for g in groups] == ["Liberal Democrat"],
          (groups, err))
    status, out, err = run("groups", "--all")
    check("groups --all lists it, marked inactive",
          status == 0 and out == "Labour and Co-operative (leader: Bob Jones) (inactive)\nLiberal Democrat\n",
          out + err)
    status, done, err = run_json("groups", "remove", "Labour and Co-operative")
    check("removing it again --json says it was kept inactive",
          status == 0 and done == {"name": "Labour and Co-operative", "kept-inactive": True}, (done, err))

    status, group, err = run_json("groups", "add", "labour and co-operative")
    check("adding its name again brings the group back",
          status == 0 and group == {"name": "Labour and Co-operative", "leader": "Bob Jones", "active": True},
          (group, err))

    # --- wards ---
    status, out, err = run("wards")
    check("wards on a fresh store says how to add one",
          status == 0 and out == "No wards are set up. Add one with “concordat wards add NAME”.\n", out + err)
    status, out, err = run("wards", "add", "Westgate")
    check("wards add", status == 0 and out == "Added the ward “Westgate”.\n", out + err)
    status, done, err = run_json("wards", "add", "Abbey")
    check("wards add --json", status == 0 and done == {"name": "Abbey", "added": True}, (done, err))
    status, wards, err = run_json("wards")
    check("wards --json lists them by name",
          status == 0 and wards == [{"name": "Abbey"}, {"name": "Westgate"}], (wards, err))
    status, out, err = run("wards")
    check("wards lists one a line", status == 0 and out == "Abbey\nWestgate\n", out + err)

    refused("a ward that exists", ["wards", "add", "abbey"], "There is already a ward called “abbey”")
    refused("a ward without a name", ["wards", "add", ""],
            "A ward needs a name; give it as people know it, such as “Abbey”")
    refused("an unknown ward", ["wards", "remove", "Eastgate"],
            "There is no ward called “Eastgate”; the wards are Abbey, Westgate")
    refused("an unknown sub-command of wards", ["wards", "rename", "Abbey", "Priory"],
            "“wards” has no sub-command “rename”; use add or remove, or “concordat wards” alone to list. "
            "Run “concordat --help” to see the commands.")

    status, out, err = run("wards", "remove", "ABBEY")
    check("wards remove, in any case", status == 0 and out == "Removed the ward “Abbey”.\n", out + err)
    status, done, err = run_json("wards", "remove", "Westgate")
    check("wards remove --json", status == 0 and done == {"name": "Westgate", "removed": True}, (done, err))
    refused("a ward when there are none", ["wards", "remove", "Westgate"],
            "There is no ward called “Westgate”; no wards are set up yet. "
            "Add one with “concordat wards add NAME”")

    # --- holidays ---
    status, out, err = run("holidays")
    check("holidays on a fresh store says how to add one",
          status == 0 and out == "No local holidays are set up. "
          "Add one with “concordat holidays add DATE NAME”.\n", out + err)
    status, out, err = run("holidays", "add", "2026-12-24", "Christmas Eve closure")
    check("holidays add", status == 0 and out == "Added the local holiday on 2026-12-24: Christmas Eve closure.\n",
          out + err)
    status, done, err = run_json("holidays", "add", "2026-12-07", "Council closure day")
    check("holidays add --json",
          status == 0 and done == {"date": "2026-12-07", "name": "Council closure day"}, (done, err))
    status, holidays, err = run_json("holidays")
    check("holidays --json lists them by date",
          status == 0 and holidays == [{"date": "2026-12-07", "name": "Council closure day"},
                                       {"date": "2026-12-24", "name": "Christmas Eve closure"}], (holidays, err))
    status, out, err = run("holidays")
    check("holidays lists date and name",
          status == 0 and out == "2026-12-07  Council closure day\n2026-12-24  Christmas Eve closure\n", out + err)

    refused("a second holiday on one day", ["holidays", "add", "2026-12-07", "Another"],
            "There is already a local holiday on 2026-12-07; remove it first to change it")
    refused("a holiday on no real date", ["holidays", "add", "2026-02-30", "Closure"],
            "“2026-02-30” is not a real date; give it as YYYY-MM-DD, such as 2026-12-24")
    refused("a holiday without a name", ["holidays", "add", "2026-12-08", " "],
            "A local holiday needs a name; give it as people know it, such as “Council closure day”")
    refused("removing a day that is no holiday", ["holidays", "remove", "2026-12-08"],
            "There is no local holiday on 2026-12-08; run “concordat holidays” to see them")
    refused("removing a date that is not real", ["holidays", "remove", "7 December"],
            "“7 December” is not a real date; give it as YYYY-MM-DD, such as 2026-12-24")
    refused("holidays add without a name", ["holidays", "add", "2026-12-08"],
            "“holidays” takes add DATE NAME. Run “concordat --help” to see the commands.")

    # A local holiday in the period moves its start back a working day.
    run("council", "set", "polling-day", "2027-05-06")
    run("holidays", "add", "2027-04-14", "Council closure day")
    status, council, err = run_json("council")
    check("a local holiday in the pre-election period moves its start to Tuesday 30 March",
          status == 0 and council["pre-election-start"] == "2027-03-30", (council, err))

    status, out, err = run("holidays", "remove", "2026-12-07")
    check("holidays remove", status == 0 and out == "Removed the local holiday on 2026-12-07.\n", out + err)
    status, done, err = run_json("holidays", "remove", "2026-12-24")
    check("holidays remove --json",
          status == 0 and done == {"date": "2026-12-24", "removed": True}, (done, err))

print(f"1..{len(results)}")
sys.exit(0 if all(results) else 1)
