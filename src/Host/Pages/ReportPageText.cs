namespace Decisioning.Host.Pages;

/// <summary>The labels of the report page and the grant's tranche section in Danish and English.</summary>
internal sealed class ReportPageText(string lang)
{
    private static readonly Dictionary<string, (string Da, string En)> Texts = new()
    {
        ["title"] = ("Programstatus pr. halvår", "Programme status per half-year"),
        ["period"] = ("Periode", "Period"),
        ["as-of"] = ("Opfølgninger i restance pr.", "Follow-ups overdue as of"),
        ["from"] = ("Fra", "From"),
        ["to"] = ("Til", "To"),
        ["show"] = ("Vis", "Show"),
        ["csv"] = ("Hent som CSV", "Download as CSV"),
        ["print"] = ("Udskriv med browserens udskriftsfunktion; menu og formular udskrives ikke.", "Print with the browser's print command; the menu and the form are not printed."),
        ["chart-budget"] = ("Budgetforbrug pr. aktivitet", "Budget use per activity"),
        ["chart-companies"] = ("Virksomheder mod planlagt interval", "Companies against the planned range"),
        ["chart-jobs"] = ("Job: forventet og observeret", "Jobs: expected and observed"),
        ["chart-export"] = ("Eksport (kr.): forventet og observeret", "Export (DKK): expected and observed"),
        ["planned"] = ("Planlagt", "Planned"),
        ["expected"] = ("Forventet", "Expected"),
        ["observed"] = ("Observeret", "Observed"),
        ["activity"] = ("Aktivitet", "Activity"),
        ["budget"] = ("Budget", "Budget"),
        ["used"] = ("Bevilget", "Granted"),
        ["left"] = ("Tilbage", "Left"),
        ["companies"] = ("Virksomheder", "Companies"),
        ["rejections"] = ("Afslag", "Rejections"),
        ["grants"] = ("Bevilget", "Granted"),
        ["paid"] = ("Udbetalt", "Paid"),
        ["cofinancing"] = ("Privat medfinansiering", "Private co-financing"),
        ["jobs"] = ("Job forv./obs.", "Jobs exp./obs."),
        ["export"] = ("Eksport forv./obs.", "Export exp./obs."),
        ["growth"] = ("Vækstvirksomheder", "Growth companies"),
        ["follow-ups"] = ("Opfølgning holdt / forfalden / i restance", "Follow-ups held / due / overdue"),
        ["totals"] = ("Alle aktiviteter", "All activities"),
        ["tranches"] = ("Rater", "Tranches"),
        ["milestone"] = ("Milepæl", "Milestone"),
        ["amount"] = ("Beløb", "Amount"),
        ["status"] = ("Status", "Status"),
        ["due"] = ("Forfalden", "Due"),
        ["remaining"] = ("Resterende", "Remaining"),
        ["follow-up"] = ("Opfølgning", "Follow-up"),
        ["planned-status"] = ("planlagt", "planned"),
        ["reached"] = ("nået, afventer frigivelse", "reached, awaiting release"),
        ["released"] = ("frigivet", "released"),
        ["open"] = ("åben", "open"),
        ["overdue"] = ("i restance", "overdue"),
        ["done"] = ("holdt", "held"),
        ["bad-query"] = ("Ret forespørgslen:", "Please correct the query:"),
    };

    public string Lang { get; } = lang == "en" ? "en" : "da";

    public string this[string key] => Texts.TryGetValue(key, out var t) ? (Lang == "en" ? t.En : t.Da) : key;
}
