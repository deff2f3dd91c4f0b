#!/usr/bin/env python3
"""A plain Python reading of policy.md (version 2) for programme eksport-2017: the baseline decide-batch is compared with.

Reads application lines (JSON) from a file or standard input and writes one decision per line (JSON), as
`decisioning decide-batch` does without --db, with the same checks, messages, amounts and decision id, so the two do
equal work (`bench/batch/compare.sh` checks the output byte for byte). Every number is hard-coded here, as in
`Decisioning.Bench/HandWrittenPolicy.cs` (allowed in bench/ only). The standard library only: json in, json out.
Input validation is lighter than the service's: a line that is not JSON, or lacks a field, is reported as bad.

    python3 bench/python/decide_batch.py VERSION HASH FILE|- > decisions.jsonl
"""
import hashlib
import json
import sys
from datetime import date
from decimal import Decimal, ROUND_HALF_EVEN

# P6 activity table: share (percent), collective, free, open to all, budget, companies planned (P6.6, collective only).
ACTIVITIES = {
    "basecamp": (100, True, True, True, 500_000, None),
    "competence-special": (50, True, False, False, 4_800_000, 30),
    "individual-growth": (50, False, False, False, 17_900_000, None),
    "export-mentor": (50, False, False, False, 2_400_000, None),
    "market-visit": (33, True, False, False, 1_800_000, 50),
    "germany": (50, True, False, False, 1_500_000, 30),
}
# P4.4 level caps by (level, young); P4.5 lifetime caps.
LEVEL_CAPS = {("A", True): 137_000, ("B", True): 77_000, ("C", True): 20_000,
              ("A", False): 700_000, ("B", False): 435_000, ("C", False): 34_000}
# P3 enumerations, lowest first (rules/framework/enumerations.json), as ranks.
SCALES = {name: {w: i for i, w in enumerate(words)} for name, words in {"level": ["C", "B", "A"], "ageBand": ["young", "established"], "businessPlan": ["none", "in-process", "explicit-strategy", "worked-through"], "management": ["none", "engaged", "competent"], "board": ["none", "advisory", "professional"], "externalKnowledge": ["none", "in-process", "systematic"], "exportExperience": ["none", "beginning", "established"], "riskCapital": ["none", "raising", "raised"], "technology": ["none", "open", "has-plan", "uses-latest"], "roleModel": ["none", "potential", "obvious"]}.items()}


def rank(scale, word):
    return SCALES[scale][word]


def parse_date(s):
    return date(int(s[0:4]), int(s[5:7]), int(s[8:10]))


def add_months(d, months):
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m, day)
        except ValueError:
            continue


def completed_years(born, on):
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return max(0, years)


def num(hundredths):
    """A share or score kept in hundredths, written as the service writes a decimal (0.7, 1, 0)."""
    return hundredths // 100 if hundredths % 100 == 0 else hundredths / 100


def decide(a, version, ruleset_hash):
    share, collective, free, open_to_all, budget, planned = ACTIVITIES[a["activity"]]
    p = a["project"]
    c = a["company"]
    s = a.get("assessment")
    submitted = parse_date(a["submittedOn"])
    founded = parse_date(c["foundedOn"])
    age = completed_years(founded, submitted)
    young = age < 3  # P4.4
    band = "young" if young else "established"
    co_financed = not free
    justified = bool((a.get("exceptionJustification") or "").strip())
    total = p["totalCostDkk"]

    # P3 scorecard in hundredths, nested (P3.4).
    sa = sb = sc = 0

    def criterion(weight, at_a, at_b, at_c):
        nonlocal sa, sb, sc
        b = at_a or at_b
        if at_a:
            sa += weight
        if b:
            sb += weight
        if b or at_c:
            sc += weight

    if s:
        g = s["growthAmbition"]
        each = g["revenueGrowth"] >= 0.10 and g["employmentGrowth"] >= 0.10 and g["exportGrowth"] >= 0.10
        criterion(40, each and g["horizonYears"] <= 2, each and g["horizonYears"] <= 5, each)
        bp = rank("businessPlan", s["scalability"]["businessPlan"])
        criterion(10, bp >= 3 and s["scalability"]["valueAddedGrowth"] >= 0.10, bp >= 2, bp >= 1)
        o = s["organisation"]
        mg, bd, ek = rank("management", o["management"]), rank("board", o["board"]), rank("externalKnowledge", o["externalKnowledge"])
        criterion(10, mg >= 2 and bd >= 2 and ek >= 2, mg >= 2 and bd >= 2 and ek >= 1, mg >= 1 and bd >= 1 and ek >= 1)
        m = s["market"]
        criterion(10, m["potentialTested"] and (age < 3 or m["exportShare"] >= 0.25),
                  m["salesMostlyOutsideRegion"] and rank("exportExperience", m["exportExperience"]) >= 1 and m["exportAmbition"],
                  m["salesChannelsClarified"] and m["exportAmbition"])
        f = s["finance"]
        criterion(10, rank("riskCapital", f["riskCapital"]) >= 1,
                  f["equityPositive"] and f["profitable"] and f["capitalNeedsOverview"] and f["fundingAccess"],
                  f["equityPositive"] and f["profitable"])
        t = rank("technology", s["technology"])
        criterion(10, t >= 3, t >= 2, t >= 1)
        r = rank("roleModel", s["roleModel"])
        criterion(10, r >= 2, r >= 1, True)
    level = "A" if sa >= 70 else "B" if sb >= 70 else "C" if sc >= 70 else None  # P3.2, P3.3

    # P5.1 / P5.2 self-funding.
    self_funding = 0
    if co_financed and c["sector"] != "food":
        self_funding = (total + 1) // 2

    # P9.1 growth company.
    growth_company = None
    history = c.get("employeeHistory") or []
    if history:
        latest = max(e["year"] for e in history)
        by_year = {e["year"]: e["employees"] for e in history}
        if latest - 3 in by_year:
            e0 = by_year[latest - 3]
            growth_company = e0 >= 5 and by_year[latest] * 1000 >= 1728 * e0

    checks = []
    failed = {"reject": 0, "main": 0}

    def check(clause, ok, yes, no, kind="reject"):
        if not ok:
            failed[kind] += 1
        checks.append({"id": clause, "passed": ok, "message": yes if ok else no})

    emp = c["employees"]
    check("P1.1", c["region"] == "Midtjylland", "The company is located in Region Midtjylland.",
          f"The company is located in {c['region']}, not in Region Midtjylland.")
    check("P1.2", emp < 250, f"The company has {emp} employees, fewer than 250: an SME.",
          f"The company has {emp} employees; an SME has fewer than 250.")
    if not open_to_all:  # P1.7
        check("P1.3", age >= 3, f"The company was founded on {c['foundedOn']}, {age} years before the application: at least 3.",
              f"The company was founded on {c['foundedOn']}, {age} completed years before the application; the main rule asks for at least 3.", "main")
        check("P1.4", emp >= 5, f"The company has {emp} employees: at least 5.",
              f"The company has {emp} employees; the main rule asks for at least 5.", "main")
        check("P1.5", bool(s and s["market"]["exportAmbition"]), "The company has an export ambition.",
              "The assessment shows no export ambition.")
        check("P2.1", a["growthMappingDone"], "The growth mapping is done.",
              "The growth mapping (vækstkortlægning) has not been done; it is needed before the activity.")
    milestones = p["milestones"]
    if co_financed:
        check("P4.1", level is not None, f"The company meets growth level {level}.",
              "The company meets no growth level: no score reaches the pass mark, so there is no co-financing.")
        check("P4.2", len(milestones) >= 1, f"The growth plan has {len(milestones)} milestone(s).", "The growth plan has no milestones.")
        under_way = parse_date(p["plannedStart"]) < submitted  # P4.3: a project already under way is not additional
        check("P4.3", a["additionality"] and not under_way, "The consultant has assessed the co-financing as decisive for the project.",
              f"The project starts on {p['plannedStart']}, before the application of {a['submittedOn']}: it is already under way, so the co-financing cannot be decisive (additionality)."
              if a["additionality"] else "It is not documented that the co-financing is decisive for the project (additionality).")
    prior = a.get("priorGrants") or []
    if co_financed and p["startPackage"]:  # P4.6: co-financed activities only
        n = sum(1 for g in prior if g["startPackage"] and not ACTIVITIES[g["activity"]][2])
        check("P4.6", n < 1, "This is the company's first start package.", f"The company has already been granted a start package ({n}).")
    own = p["ownCashDkk"]
    funded = own >= self_funding
    if co_financed:
        check("P5.1", funded, f"Own cash {own} DKK covers the required self-funding of {self_funding} DKK.",
              f"Own cash {own} DKK is less than the required self-funding of {self_funding} DKK (half of the total cost {total} DKK).")
    exp_word = s["market"]["exportExperience"] if s else None
    exp = rank("exportExperience", exp_word) if s else None
    act = a["activity"]
    if act == "competence-special":
        check("P6.1", exp is not None and exp >= 1 and level in ("A", "B"), f"The company has export experience ({exp_word}) and level {level}.",
              "The programme is for companies with export experience at level A or B.")
    elif act == "export-mentor":
        check("P6.2", exp is not None and exp < 2, f"The company's export experience ({exp_word}) is none or beginning.",
              "The export mentor programme is for companies with no or beginning export experience.")
    elif act == "market-visit":
        check("P6.3", exp is not None and exp >= 1, f"The company has export experience ({exp_word}).",
              "The programme with a market visit is for companies with export experience.")
    elif act == "germany":
        check("P6.4", exp is not None and exp >= 1, f"The company has export experience ({exp_word}).",
              "The focused effort on Germany is for companies with export experience.")
    primary = c["sector"] == "primary"  # P1.7

    # P4.4, P4.5, P7 amounts.
    computed = False
    level_cap = lifetime_cap = requested_left = level_left = lifetime_left = participant_left = None
    level_used = lifetime_used = eligible = grant = budget_left = participant_cap = participant_used = 0
    binding = None
    if co_financed and failed["reject"] == 0:
        level_cap = None if collective else LEVEL_CAPS.get((level, young), 0)
        lifetime_cap = None if collective else (200_000 if young else 1_200_000)
        for g in prior:
            g_band = g.get("ageBand") or ("young" if completed_years(founded, parse_date(g["decidedOn"])) < 3 else "established")  # P4.5a
            if g_band == band and not g["collective"]:
                lifetime_used += g["grantDkk"]
                if g["level"] == level:
                    level_used += g["grantDkk"]
        eligible = share * total // 100
        grant = eligible
        if p.get("requestedDkk") is not None:
            requested_left = max(0, p["requestedDkk"])
            grant = min(grant, requested_left)
        if level_cap is not None:
            level_left = max(0, level_cap - level_used)
            grant = min(grant, level_left)
        if lifetime_cap is not None:
            lifetime_left = max(0, lifetime_cap - lifetime_used)
            grant = min(grant, lifetime_left)
        if collective and planned is not None:  # P6.6
            participant_cap = budget // planned
            participant_used = sum(g["grantDkk"] for g in prior if g["activity"] == act)
            participant_left = max(0, participant_cap - participant_used)
            grant = min(grant, participant_left)
        budget_left = budget
        grant = min(grant, budget_left)
        if grant != eligible:
            binding = ("requested" if requested_left == grant else "level-cap" if level_left == grant
                       else "lifetime-cap" if lifetime_left == grant else "participant-cap" if participant_left == grant else "budget")
        computed = True

    def failed_reasons():
        return [{"id": ch["id"], "message": ch["message"]} for ch in checks if not ch["passed"]]

    def referral():
        return [{"id": "P1.7", "message": "The company is in the primary sector, which has certain restrictions: the committee decides."}] if primary else []

    def binding_reason():
        if binding == "requested":
            return [{"id": "P7.2", "message": f"The grant is the {p['requestedDkk']} DKK the company asked for, less than the eligible {eligible} DKK."}]
        if binding == "level-cap":
            return [{"id": "P4.4", "message": f"The level {level} cap for {band} companies is {level_cap} DKK, of which {level_used} DKK is granted: {grant} DKK is left."}]
        if binding == "lifetime-cap":
            return [{"id": "P4.5", "message": f"The lifetime cap for {band} companies is {lifetime_cap} DKK, of which {lifetime_used} DKK is granted: {grant} DKK is left."}]
        if binding == "participant-cap":
            return [{"id": "P6.6", "message": f"The {act} budget of {budget} DKK is planned for {planned} companies: at most {participant_cap} DKK per company, of which {participant_used} DKK is granted to this company: {grant} DKK is left."}]
        if binding == "budget":
            return [{"id": "P6.5", "message": f"The budget of {act} is {budget} DKK, of which 0 DKK is granted: {grant} DKK is left."}]
        return []

    body, show, follow = "committee", True, True
    if failed["reject"] > 0 or (failed["main"] > 0 and not justified):
        outcome, show, follow, reasons = "reject", False, False, failed_reasons()
    elif computed and eligible == 0:
        outcome, follow = "reject", False
        reasons = failed_reasons() + referral() + [{"id": "P7.1", "message": f"The programme's share of the total cost of {total} DKK rounds down to 0 kroner: there is nothing to co-finance."}]
    elif computed and grant == 0:
        outcome, follow = "reject", False
        reasons = failed_reasons() + referral() + binding_reason()
    elif failed["main"] > 0 or primary:
        outcome, reasons = "refer-to-committee", failed_reasons() + referral()
    elif co_financed and level == "A":
        outcome, body = "refer-to-growth-panel", "growth-panel"
        reasons = binding_reason() + [{"id": "P8.2", "message": "Grants at level A are decided by the growth panel with external representation."}]
    elif computed and grant < eligible and binding != "requested":  # P7.3: only a cap or the budget reduces
        outcome, reasons = "approve-reduced", binding_reason()
    else:
        outcome, reasons = "approve", []

    co = None
    if show and computed:
        co = {"share": num(share), "eligibleDkk": eligible, "grantDkk": grant, "bindingLimit": binding,
              "levelCapDkk": level_cap, "levelCapRemainingDkk": level_left, "lifetimeCapDkk": lifetime_cap,
              "lifetimeCapRemainingDkk": lifetime_left, "participantCapRemainingDkk": participant_left, "budgetRemainingDkk": budget_left,
              "selfFundingRequiredDkk": self_funding, "selfFundingOk": funded}

    # P8.4 follow-up, P4.9 tranches, P5.1 condition.
    due = None
    conditions = []
    if follow:
        due = add_months(parse_date(p["plannedEnd"]), 2).isoformat()
        if computed and grant > 0:
            conditions += [f"A tranche is paid when the milestone '{ms['name']}' (due {ms['due']}) is reached." for ms in milestones]
            if self_funding > 0:
                conditions.append(f"The company self-funds at least {self_funding} DKK of the total cost of {total} DKK in cash.")
        conditions.append(f"The growth house follows up on the activity by {due}.")

    jobs = None
    if co is not None:  # P9.2
        j = (Decimal(grant) / Decimal(46_000)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
        jobs = int(j) if j == j.to_integral_value() else float(j.normalize())
    digest = hashlib.sha256(f"{a['applicationId']}\n{ruleset_hash}".encode()).hexdigest()[:20]
    return {"decisionId": "dec-" + digest, "applicationId": a["applicationId"], "programme": a["programme"], "activity": act,
            "outcome": outcome, "decisionBody": body, "level": level, "scores": {"A": num(sa), "B": num(sb), "C": num(sc)},
            "ageYears": age, "ageBand": band, "growthCompany": growth_company, "checks": checks, "reasons": reasons,
            "coFinancing": co, "keyAccountManager": level == "A" and outcome != "reject", "followUpDue": due, "conditions": conditions,
            "expectedJobs": jobs, "ruleSet": {"version": version, "hash": ruleset_hash}}


def main():
    version, ruleset_hash, path = sys.argv[1], sys.argv[2], sys.argv[3]
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    out = sys.stdout
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for n, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            decision = decide(json.loads(line), version, ruleset_hash)
        except (ValueError, KeyError, TypeError) as e:
            decision = {"line": n, "errors": [{"path": "$", "message": str(e)}]}
        out.write(dumps(decision))
        out.write("\n")


if __name__ == "__main__":
    main()
