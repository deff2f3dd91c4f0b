using System.Globalization;
using Decisioning.Host.Store;
using Decisioning.Input;
using Decisioning.Policy;
using Decisioning.Rules;

namespace Decisioning.Host.Reports;

/// <summary>
/// Reads <c>programme</c>, <c>from</c> and <c>to</c> of a report request (API and page alike), naming every bad one:
/// the programme defaults to the only one (or the first with reporting rules), from to the first month with figures,
/// to to today.
/// </summary>
public sealed record ProgrammeReportQuery(ProgrammePolicy Programme, DateOnly From, DateOnly To)
{
    public static InputResult<ProgrammeReportQuery> Parse(RuleSetSnapshot ruleSet, ICaseStore store, string? programme, string? from, string? to, DateOnly today)
    {
        var errors = new List<InputError>();
        var programmes = ruleSet.Policy.Programmes;
        ProgrammePolicy? chosen = null;
        if (programme is not null)
        {
            if (!programmes.TryGetValue(programme, out chosen))
            {
                errors.Add(new InputError("$.programme", $"must be one of {string.Join(", ", programmes.Keys)}, not '{programme}'"));
            }
        }
        else
        {
            chosen = programmes.Values.OrderBy(p => p.Reporting.Defined ? 0 : 1).ThenBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
        }
        var f = Date(from, "$.from", errors);
        var t = Date(to, "$.to", errors) ?? today;
        if (f is { } ff && ff > t)
        {
            errors.Add(new InputError("$.from", $"must not be after to ({t:yyyy-MM-dd})"));
        }
        if (errors.Count > 0 || chosen is null)
        {
            return new(null, errors.Count > 0 ? errors : [new InputError("$.programme", "the rule set has no programme")]);
        }
        var earliest = store.ReportBuckets().Where(b => b.Programme == chosen.Id).Select(b => b.Month).Order(StringComparer.Ordinal).FirstOrDefault();
        var start = f ?? (earliest is null ? new DateOnly(t.Year, 1, 1) : DateOnly.ParseExact(earliest + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new(new ProgrammeReportQuery(chosen, start > t ? new DateOnly(t.Year, 1, 1) : start, t), []);
    }

    private static DateOnly? Date(string? text, string path, List<InputError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2200)
        {
            return d;
        }
        errors.Add(new InputError(path, $"must be a date yyyy-MM-dd (2000-2200), not '{text}'"));
        return null;
    }
}
