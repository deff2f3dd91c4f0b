using System.Globalization;
using System.Text.Json.Nodes;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;

namespace Decisioning.Tests;

/// <summary>
/// How a message's placeholders are written (policy.md, "Messages"): invariant culture, dates as yyyy-MM-dd, numbers
/// without trailing zeros, yes/no, and "none" for a missing value. Each placeholder is compiled for its type; this
/// compares every typed way (string, whole number, decimal, date, yes/no and their nullable forms) and the boxed one
/// with the text the rule says, on values chosen to be awkward (fractions, zero, negative, null).
/// </summary>
[TestClass]
public sealed class MessageFormattingTests
{
    private const string Template =
        "date {a.Company.FoundedOn} | int {a.Company.Employees} | bool {a.GrowthMappingDone} | string {a.Company.Name} | "
        + "null string {a.ExceptionJustification} | decimal {a.Project.TotalCostDkk} | nullable decimal {a.Project.RequestedDkk} | nullable fraction {a.Project.RequestedDkk / 8} | "
        + "fraction {a.Project.TotalCostDkk / 8} | zero {a.Project.TotalCostDkk * 0} | negative {0 - a.Project.OwnCashDkk} | "
        + "long {long(a.Company.Employees)}";

    [TestMethod]
    [DataRow(1_000_000.0, 500_000.0, null, null, true)]
    [DataRow(1_000_001.0, 400_001.0, 250_001.0, "because", false)]
    [DataRow(12.0, 12.0, 0.0, "særlig grund", true)]
    public void EveryKindOfValue_IsWrittenAsTheMessageRuleSays(double total, double ownCash, double? requested, string? justification, bool mappingDone)
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "framework", "self-funding.json"); // P5.1: a check on the project
            var json = JsonNode.Parse(File.ReadAllText(path))!;
            var rule = json["Rules"]!.AsArray().Single(r => ((string?)r!["SuccessEvent"])?.Contains("{a.Project.OwnCashDkk}", StringComparison.Ordinal) == true)!;
            rule["SuccessEvent"] = Template;
            rule["ErrorMessage"] = Template;
            File.WriteAllText(path, json.ToJsonString());
            var snapshot = RuleSetLoader.Load(copy.Rules, copy.Templates);
            var clause = (string)rule["Properties"]!["clause"]!;

            var app = Applications.Base();
            app["project"]!["totalCostDkk"] = (decimal)total;
            app["project"]!["ownCashDkk"] = (decimal)ownCash;
            app["project"]!["requestedDkk"] = (decimal?)requested;
            app["exceptionJustification"] = justification;
            app["growthMappingDone"] = mappingDone;
            var a = Applications.Parse(app, snapshot.Policy);
            var message = DecisionPipeline.Decide(a, snapshot.Policy, EmptyLedger.Instance).Checks.Single(c => c.Id == clause).Message;

            var expected = $"date {a.Company.FoundedOn:yyyy-MM-dd} | int {a.Company.Employees} | bool {(mappingDone ? "yes" : "no")} | string {a.Company.Name} | "
                + $"null string {justification ?? "none"} | decimal {N((decimal)total)} | nullable decimal {(requested is { } r ? N((decimal)r) : "none")} | nullable fraction {(requested is { } q ? N((decimal)q / 8) : "none")} | "
                + $"fraction {N((decimal)total / 8)} | zero 0 | negative {N(-(decimal)ownCash)} | long {a.Company.Employees}";
            Assert.AreEqual(expected, message);
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    /// <summary>A decimal as policy.md writes it: invariant, no trailing zeros.</summary>
    private static string N(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
