using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Letters.Tests.Support;

/// <summary>
/// A letter case from <c>tests/Letters/cases/*.json</c>: an application and the grants already in the ledger, decided
/// and rendered in one language on a fixed letter date.
/// </summary>
internal sealed record LetterCase(string Name, string Lang, Application Application, IGrantLedger Ledger, LetterFinalDecision? Final = null)
{
    /// <summary>The date every golden letter carries.</summary>
    public static readonly DateOnly LetterDate = new(2026, 3, 16);

    public static readonly string[] Languages = ["da", "en"];

    /// <summary>Every case in both languages, as MSTest data rows.</summary>
    public static IEnumerable<object[]> All() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Letters, "cases"), "*.json").Order(StringComparer.Ordinal)
            .SelectMany(path => Languages.Select(lang => new object[] { Path.GetFileNameWithoutExtension(path), lang }));

    public static LetterCase Load(string name, string lang, RuleSetSnapshot? snapshot = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Letters, "cases", name + ".json")))!.AsObject();
        var input = ApplicationReader.Read(node["application"]!.ToJsonString(), (snapshot ?? Repo.Snapshot).Policy);
        Assert.IsTrue(input.IsValid, $"{name}: " + string.Join("; ", input.Errors.Select(e => $"{e.Path} {e.Message}")));
        return new LetterCase(name, lang, input.Value!, new ListLedger(node["ledger"]?.AsArray()), ReadFinal(node["final"]));
    }

    /// <summary>
    /// A case's final decision (<c>"final": { "outcome", "grantDkk", "decidedBy", "justification", "decidedOn", "body",
    /// "departs" }</c>): the letter is then the final letter, dated the day of the decision.
    /// </summary>
    private static LetterFinalDecision? ReadFinal(JsonNode? f) => f is null ? null : new LetterFinalDecision
    {
        Outcome = (string)f["outcome"]!,
        GrantDkk = (decimal)f["grantDkk"]!,
        DecidedBy = (string)f["decidedBy"]!,
        Justification = (string?)f["justification"],
        DecidedOn = DateOnly.Parse((string)f["decidedOn"]!, CultureInfo.InvariantCulture),
        Body = (string)f["body"]!,
        DepartsFromRecommendation = (bool)f["departs"]!,
    };

    /// <summary>The letter's date: the final decision's day, else the fixed date of the drafts.</summary>
    public DateOnly Dated => Final?.DecidedOn ?? LetterDate;

    public Decision Decide(RuleSetSnapshot? snapshot = null) => DecisionPipeline.Decide(Application, (snapshot ?? Repo.Snapshot).Policy, Ledger);

    public EligibilityCheck Check(RuleSetSnapshot? snapshot = null) => DecisionPipeline.Check(Application, (snapshot ?? Repo.Snapshot).Policy, Ledger);

    public (Decision Decision, string Html) Render(RuleSetSnapshot? snapshot = null, LetterLimits? limits = null)
    {
        var decision = Decide(snapshot);
        return (decision, LetterRenderer.Render(snapshot ?? Repo.Snapshot, Application, decision, Lang, Dated, Check(snapshot), limits ?? LetterLimits.Default, Final));
    }

    /// <summary>The service's own ledger of a case: other grants count towards budgets and, for the same CVR, caps.</summary>
    private sealed class ListLedger(JsonArray? entries) : IGrantLedger
    {
        private readonly List<(string Cvr, string Programme, PriorGrant Grant)> _entries = (entries ?? []).Select(e => (
            (string)e!["cvr"]!,
            (string?)e["programme"] ?? "eksport-2017",
            new PriorGrant
            {
                DecidedOn = DateOnly.Parse((string?)e["decidedOn"] ?? "2025-01-01", CultureInfo.InvariantCulture),
                Activity = (string)e["activity"]!,
                Level = (string)e["level"]!,
                AgeBand = (string)e["ageBand"]!,
                GrantDkk = (decimal)e["grantDkk"]!,
                Collective = (bool?)e["collective"] ?? false,
                StartPackage = (bool?)e["startPackage"] ?? false,
            })).ToList();

        public IReadOnlyList<PriorGrant> GrantsFor(string cvr) => _entries.Where(e => e.Cvr == cvr).Select(e => e.Grant).ToList();

        public decimal ActivityTotalDkk(string programme, string activity) =>
            _entries.Where(e => e.Programme == programme && e.Grant.Activity == activity).Sum(e => e.Grant.GrantDkk);
    }
}
