using System.Text.Json.Nodes;
using Decisioning.Host.Apis;
using Decisioning.Input;
using Decisioning.Pipeline;
using Decisioning.Rules;
using Decisioning.Tests.Support;
using Microsoft.OpenApi;

namespace Decisioning.Tests;

/// <summary>
/// A new input field is one declaration: added to the contract here (in a test, not in C# of the service), it is read,
/// validated by JSON path, in the OpenAPI request schema and generated, with no other code. And the declaration and the
/// typed model cannot drift apart silently.
/// </summary>
[TestClass]
public sealed class ContractDeclarationTests
{
    private static readonly ContractField ExportMarkets = new("exportMarkets", FieldKind.Whole)
    {
        Min = 0, Max = 200, What = "a number of markets", Description = "Markets the company exports to.", Example = "3",
    };

    private static readonly ContractField GreenPlan = new("greenPlan", FieldKind.Bool) { Description = "The project has a green transition plan." };

    private static readonly IReadOnlyList<ContractField> Extended =
        ApplicationContract.With(ApplicationContract.With(ApplicationContract.Fields, "company", ExportMarkets), "project", GreenPlan);

    [TestMethod]
    public void AddedFields_AreGenerated_AndReadIntoInputs()
    {
        var generator = new RandomApplications(seed: 83, Extended);
        var seen = new HashSet<decimal>();
        for (var n = 0; n < 200; n++)
        {
            var json = generator.Next(n);
            var markets = (decimal)json["company"]!["exportMarkets"]!;
            Assert.IsTrue(markets is >= 0 and <= 200 && markets == decimal.Floor(markets), $"generated {markets}");
            var result = ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, Extended);
            Assert.IsTrue(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.Message)));
            Assert.AreEqual(markets, result.Value!.Inputs.Number("company.exportMarkets"));
            Assert.AreEqual((bool)json["project"]!["greenPlan"]!, result.Value.Inputs.Flag("project.greenPlan"));
            Assert.AreEqual(2, result.Value.Inputs.Count);
            seen.Add(markets);
        }
        Assert.IsGreaterThan(50, seen.Count, "the generator does not vary the new field");

        // Under the service's own declaration the same input has no such field: it is the declaration that reads it.
        var plain = ApplicationReader.Read(new RandomApplications(seed: 83, Extended).Next(0).ToJsonString(), TestRules.Snapshot.Policy);
        Assert.AreEqual(0, plain.Value!.Inputs.Count);
    }

    [TestMethod]
    public void AFieldAddedToAnArrayOfObjects_IsReadByItsIndexedPath()
    {
        var contract = ApplicationContract.With(ApplicationContract.Fields, "priorGrants",
            new ContractField("note", FieldKind.String) { Presence = Presence.Optional, Description = "A note on the grant." });
        var json = Applications.Base();
        json["priorGrants"] = new JsonArray(
            new JsonObject { ["decidedOn"] = "2024-01-10", ["activity"] = "individual-growth", ["level"] = "B", ["grantDkk"] = 1000, ["collective"] = false, ["startPackage"] = false },
            new JsonObject { ["decidedOn"] = "2024-02-10", ["activity"] = "individual-growth", ["level"] = "B", ["grantDkk"] = 2000, ["collective"] = false, ["startPackage"] = false, ["note"] = "second" });
        var result = ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, contract);
        Assert.IsTrue(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Path + " " + e.Message)));
        Assert.AreEqual("second", result.Value!.Inputs.Text("priorGrants[1].note"));
        Assert.IsFalse(result.Value.Inputs.Has("priorGrants[0].note"));
        Assert.AreEqual(2000m, result.Value.PriorGrants[1].GrantDkk, "the typed grants are read as before");

        json["priorGrants"]![1]!["note"] = 7;
        CollectionAssert.AreEqual(new[] { "$.priorGrants[1].note: must be a string, not a number" },
            ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, contract).Errors.Select(e => e.Path + ": " + e.Message).ToArray());
    }

    [TestMethod]
    public void AddedFields_AreValidatedByJsonPath()
    {
        var json = new RandomApplications(seed: 89, Extended).Next(0);
        json["company"]!["exportMarkets"] = 201;
        json["project"]!["greenPlan"] = "yes";
        var errors = ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, Extended).Errors.Select(e => e.Path + ": " + e.Message).ToList();
        CollectionAssert.AreEquivalent(
            new[] { "$.company.exportMarkets: must be at most 200 (a number of markets)", "$.project.greenPlan: must be true or false, not a string" },
            errors);

        json["company"]!.AsObject().Remove("exportMarkets");
        json["project"]!["greenPlan"] = true;
        errors = [.. ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, Extended).Errors.Select(e => e.Path + ": " + e.Message)];
        CollectionAssert.AreEqual(new[] { "$.company.exportMarkets: is required" }, errors);

        // An eligibility check does not read the project block, new fields included.
        json["project"]!["greenPlan"] = "yes";
        json["company"]!["exportMarkets"] = 4;
        Assert.IsTrue(ApplicationReader.Read(json.ToJsonString(), TestRules.Snapshot.Policy, Extended, requireProject: false).IsValid);
    }

    [TestMethod]
    public void AddedFields_AreInTheOpenApiRequestSchema()
    {
        var schema = ContractSchema.Build(TestRules.Snapshot.Policy, decision: true, Extended);
        var company = (OpenApiSchema)schema.Properties!["company"];
        var markets = (OpenApiSchema)company.Properties!["exportMarkets"];
        Assert.AreEqual(JsonSchemaType.Integer, markets.Type);
        Assert.AreEqual("0", markets.Minimum);
        Assert.AreEqual("200", markets.Maximum);
        Assert.Contains("exportMarkets", company.Required!);
        var project = (OpenApiSchema)schema.Properties["project"];
        Assert.AreEqual(JsonSchemaType.Boolean, ((OpenApiSchema)project.Properties!["greenPlan"]).Type);
        Assert.IsFalse(((OpenApiSchema)ContractSchema.Build(TestRules.Snapshot.Policy, decision: true).Properties!["company"]).Properties!.ContainsKey("exportMarkets"));
    }

    [TestMethod]
    public void AddedField_IsReadByARule_AsAInputs()
    {
        var copy = TestRules.CopyToTemp();
        try
        {
            var path = Path.Combine(copy.Rules, "programmes", "eksport-2017", "target-group.json");
            var workflow = JsonNode.Parse(File.ReadAllText(path))!;
            workflow["Rules"]!.AsArray().Add(JsonNode.Parse("""
                { "RuleName": "P1.1 at most 100 export markets",
                  "Expression": "a.Inputs.Number(\"company.exportMarkets\") == null || a.Inputs.Number(\"company.exportMarkets\") <= 100",
                  "Properties": { "clause": "P1.1", "kind": "check", "onFail": "reject", "description": "A test rule on a field declared in a test.",
                    "successDa": "Virksomheden eksporterer til {a.Inputs.Number(\"company.exportMarkets\")} markeder.",
                    "errorDa": "Virksomheden eksporterer til {a.Inputs.Number(\"company.exportMarkets\")} markeder, flere end 100." },
                  "SuccessEvent": "The company exports to {a.Inputs.Number(\"company.exportMarkets\")} markets.",
                  "ErrorMessage": "The company exports to {a.Inputs.Number(\"company.exportMarkets\")} markets, more than 100." }
                """));
            File.WriteAllText(path, workflow.ToJsonString());
            var policy = RuleSetLoader.Load(copy.Rules, copy.Templates).Policy;
            var json = new RandomApplications(seed: 97, Extended).Next(0);
            foreach (var (markets, passed) in new[] { (150, false), (100, true) })
            {
                json["company"]!["exportMarkets"] = markets;
                var decision = DecisionPipeline.Decide(ApplicationReader.Read(json.ToJsonString(), policy, Extended).Value!, policy, EmptyLedger.Instance);
                var check = decision.Checks.Single(c => c.Message.StartsWith("The company exports to", StringComparison.Ordinal));
                Assert.AreEqual(passed, check.Passed, check.Message);
                StringAssert.Contains(check.Message, $"exports to {markets} markets");
                if (!passed)
                {
                    Assert.AreEqual("reject", decision.Outcome);
                }
            }
        }
        finally
        {
            Directory.Delete(copy.Root, recursive: true);
        }
    }

    [TestMethod]
    public void ADeclarationThatMissesARequiredModelMember_IsRefusedWhenBound()
    {
        var json = Applications.Base().ToJsonString();
        var company = ApplicationContract.Fields.Single(f => f.Name == "company");
        var withoutCvr = ApplicationContract.Fields.Select(f => f == company ? f with { Fields = [.. f.Fields.Where(x => x.Name != "cvr")] } : f).ToList();
        var missing = Assert.ThrowsExactly<InvalidOperationException>(() => ApplicationReader.Read(json, TestRules.Snapshot.Policy, withoutCvr));
        Assert.Contains("Company.Cvr", missing.Message);

        var employeesAsFlag = ApplicationContract.Fields.Select(f => f == company
            ? f with { Fields = [.. f.Fields.Select(x => x.Name == "employees" ? new ContractField("employees", FieldKind.Bool) : x)] } : f).ToList();
        var flagged = Applications.Base();
        flagged["company"]!["employees"] = true;
        var wrongKind = Assert.ThrowsExactly<InvalidOperationException>(() => ApplicationReader.Read(flagged.ToJsonString(), TestRules.Snapshot.Policy, employeesAsFlag));
        Assert.Contains("'employees' as Bool", wrongKind.Message);
    }
}
