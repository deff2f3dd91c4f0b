using System.Text;
using Decisioning.Host.Pages.Policy;
using Decisioning.Rules;
using Microsoft.AspNetCore.Http;

namespace Decisioning.Host.Tests;

/// <summary>The policy page's parameter tables and trial changes, read from the rule set's files (nothing typed in C#).</summary>
[TestClass]
public sealed class RuleSetParametersTests
{
    private const string CoFinancing = "rules/framework/co-financing.json";

    private static readonly Lazy<RuleSetSnapshot> Rules = new(() => RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates));

    [TestMethod]
    [DataRow("P4.4 level cap B established", "levelCapDkk", "435000", ParameterUnit.Kroner, CoFinancing)]
    [DataRow("P4.5 lifetime cap young", "lifetimeCapDkk", "200000", ParameterUnit.Kroner, CoFinancing)]
    [DataRow("P4.7 collective activities have no level cap", "levelCapDkk", "", ParameterUnit.Kroner, CoFinancing)]
    [DataRow("P3.2 pass mark", "passMark", "0.70", ParameterUnit.None, "rules/framework/scorecard.json")]
    [DataRow("P3.6 growth ambition", "weight", "0.4", ParameterUnit.Share, "rules/framework/scorecard.json")]
    [DataRow("P6 individual-growth", "budgetDkk", "17900000", ParameterUnit.Kroner, "rules/programmes/eksport-2017/activities.json")]
    [DataRow("P6.3 market-visit", "share", "0.33", ParameterUnit.Share, "rules/programmes/eksport-2017/activities.json")]
    [DataRow("minAgeYears", "minAgeYears", "3", ParameterUnit.Years, "rules/programmes/eksport-2017/target-group.json")]
    public void A_parameter_is_listed_with_its_value_unit_and_file(string rule, string name, string value, ParameterUnit unit, string file)
    {
        var rows = RuleSetParameters.Of(Rules.Value.Source).Where(r => r.Rule == rule && r.Name == name).ToList();
        Assert.HasCount(1, rows, $"{rule} {name}: " + string.Join("; ", RuleSetParameters.Of(Rules.Value.Source).Select(r => $"{r.Rule}/{r.Name}")));
        var row = rows[0];
        Assert.AreEqual(value, row.Value.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.AreEqual(unit, row.Unit);
        Assert.AreEqual(file, row.File);
    }

    [TestMethod]
    public void A_cap_changed_in_the_file_is_the_value_listed()
    {
        var files = Rules.Value.Source.Files.Select(f => f.Path == CoFinancing
            ? new RuleSetFile(f.Path, Encoding.UTF8.GetBytes(f.Text.Replace("\"Expression\": \"435000\"", "\"Expression\": \"400000\"", StringComparison.Ordinal)))
            : f);
        var row = RuleSetParameters.Of(new RuleSetSource(files)).Single(r => r.Rule == "P4.4 level cap B established");
        Assert.AreEqual(400000m, row.Value.Number);
    }

    [TestMethod]
    public async Task An_uploaded_file_replaces_the_chosen_one_and_a_zip_the_whole_rule_set()
    {
        var current = Rules.Value.Source;
        var edited = current.Files.Single(f => f.Path == CoFinancing).Text.Replace("34000", "30000", StringComparison.Ordinal);
        var change = await TrialChange.ReadAsync(current, CoFinancing, "typed text is not used", Upload("co-financing.json", Encoding.UTF8.GetBytes(edited)), CancellationToken.None);
        Assert.IsEmpty(change.Errors);
        Assert.AreEqual(edited, change.Content);
        Assert.AreEqual(edited, change.Candidate!.Files.Single(f => f.Path == CoFinancing).Text);
        Assert.AreEqual(current.Files.Count, change.Candidate.Files.Count);

        var typed = await TrialChange.ReadAsync(current, CoFinancing, "{ \"a\": 1 }\r\n", null, CancellationToken.None);
        Assert.AreEqual("{ \"a\": 1 }\n", typed.Candidate!.Files.Single(f => f.Path == CoFinancing).Text);

        var unknown = await TrialChange.ReadAsync(current, "rules/../secret.json", "{}", null, CancellationToken.None);
        Assert.AreEqual("file", unknown.Errors.Single().Path);

        var tooBig = await TrialChange.ReadAsync(current, CoFinancing, "", Upload("big.json", new byte[RuleSetLimits.MaxFileBytes + 1]), CancellationToken.None);
        Assert.AreEqual("upload", tooBig.Errors.Single().Path);
        Assert.IsNull(tooBig.Candidate);

        var badZip = await TrialChange.ReadAsync(current, CoFinancing, "", Upload("rules.zip", "PK\u0003\u0004 not a zip"u8.ToArray()), CancellationToken.None);
        Assert.AreEqual("upload", badZip.Errors.Single().Path);
        StringAssert.Contains(badZip.Errors.Single().Message, "is not a readable zip");
    }

    private static FormFile Upload(string name, byte[] content) =>
        new(new MemoryStream(content), 0, content.Length, "upload", name) { Headers = new HeaderDictionary(), ContentType = "application/octet-stream" };
}
