using Decisioning.Letters.Tests.Support;
using Decisioning.Rules;
using Decisioning.Rules.Letters;

namespace Decisioning.Letters.Tests;

/// <summary>
/// A template is part of the rule set: a broken one, a misspelt variable, an endless loop or a reach outside the view
/// model refuses the rule set (<c>validate-rules</c>) with the file and line, and a render that runs away is stopped.
/// </summary>
[TestClass]
public sealed class TemplateSafetyTests
{
    private const string Letterhead = "shared/da/letterhead.html.scriban";

    private static RuleSetError Single(RuleSetException ex, string file)
    {
        var errors = ex.Errors.Where(e => e.File == "templates/" + file).ToList();
        Assert.IsNotEmpty(errors, $"no error names templates/{file}: " + ex.Message);
        return errors[0];
    }

    [TestMethod]
    public void BrokenTemplate_IsRefused_WithFileAndLine()
    {
        using var set = new TempRuleSet();
        set.Edit(Letterhead, "CVR-nr. {{ company.cvr }}", "CVR-nr. {{ if company.cvr }");
        var error = Single(set.Refused(), Letterhead);
        Assert.AreEqual(5, error.Line);
        Assert.Contains("template error", error.Message);
    }

    [TestMethod]
    public void MisspeltVariable_IsRefused_WithFileAndLine()
    {
        using var set = new TempRuleSet();
        set.Edit(Letterhead, "{{ company.name }}", "{{ compnay.name }}");
        var error = Single(set.Refused(), Letterhead);
        Assert.AreEqual(4, error.Line);
        Assert.Contains("compnay", error.Message);
    }

    [TestMethod]
    public void MisspeltMember_IsRefused_NotPrintedEmpty()
    {
        using var set = new TempRuleSet();
        set.Edit(Letterhead, "{{ company.cvr }}", "{{ company.crv }}");
        var error = Single(set.Refused(), Letterhead);
        Assert.AreEqual(5, error.Line);
        Assert.Contains("crv", error.Message);
    }

    [TestMethod]
    public void EndlessLoop_IsStoppedByTheLoopLimit_AndRefused()
    {
        using var set = new TempRuleSet();
        set.Edit("shared/en/footer.html.scriban", "<footer>", "<footer>{{ while true }}x{{ end }}");
        var error = Single(set.Refused(), "shared/en/footer.html.scriban");
        Assert.AreEqual(1, error.Line);
        Assert.Contains("limit", error.Message);
    }

    [TestMethod]
    public void EndlessRecursion_IsStopped_AndRefused()
    {
        using var set = new TempRuleSet();
        set.Edit("shared/en/footer.html.scriban", "<footer>", "<footer>{{ func f; ret f; end; f }}");
        Assert.Contains("recursive", Single(set.Refused(), "shared/en/footer.html.scriban").Message);
    }

    [TestMethod]
    public void TemplateIncludingItself_IsStopped_AndRefused()
    {
        using var set = new TempRuleSet();
        set.Edit("shared/en/footer.html.scriban", "<footer>", "<footer>{{ include \"shared/en/footer.html.scriban\" }}");
        Assert.Contains("nested", Single(set.Refused(), "shared/en/footer.html.scriban").Message);
    }

    [TestMethod]
    public void RunawayRender_IsStoppedByTheTimeLimit_WithTheFileNamed()
    {
        using var set = new TempRuleSet();
        // Only a company of this name loops, so the rule set loads; the render then runs without a loop limit.
        // The loop sits in the first include rendered, so the time limit runs out inside it even on a busy machine.
        set.Edit("shared/da/head.html.scriban", "<meta charset=\"utf-8\">", "<meta charset=\"utf-8\">{{ if company.name == \"Evig ApS\"; while true; end; end }}");
        var snapshot = set.Load();
        var letter = LetterCase.Load("01-approve", "da", snapshot);
        letter = letter with { Application = letter.Application with { Company = letter.Application.Company with { Name = "Evig ApS" } } };
        var limits = LetterLimits.Default with { LoopLimit = 0, TimeLimit = TimeSpan.FromMilliseconds(300) };
        var started = DateTime.UtcNow;
        var ex = Assert.ThrowsExactly<LetterRenderException>(() => letter.Render(snapshot, limits));
        Assert.IsLessThan(TimeSpan.FromSeconds(10), DateTime.UtcNow - started);
        Assert.AreEqual("templates/shared/da/head.html.scriban", ex.File);
        Assert.Contains("300 ms", ex.Message);
        var limited = Assert.ThrowsExactly<LetterRenderException>(() => letter.Render(snapshot));
        Assert.Contains("limit", limited.Message, "with the default limits the loop limit stops it first");
    }

    [TestMethod]
    public void NoClockNoEvalNoRegex_TheTemplateSeesOnlyTheViewModel()
    {
        foreach (var reach in new[] { "{{ date.now }}", "{{ object.eval \"1\" }}", "{{ regex.match \"a\" \"a\" }}", "{{ timespan.zero }}" })
        {
            using var set = new TempRuleSet();
            set.Edit(Letterhead, "<header>", "<header>" + reach);
            Assert.Contains("was not found", Single(set.Refused(), Letterhead).Message, reach);
        }
    }

    [TestMethod]
    public void IncludeOutsideTheRuleSetsTemplates_IsRefused()
    {
        using var set = new TempRuleSet();
        set.Edit(Letterhead, "<header>", "<header>{{ include \"../rules/ruleset.json\" }}");
        var error = Single(set.Refused(), Letterhead);
        Assert.AreEqual(1, error.Line);
        Assert.Contains("no template", error.Message);
    }

    [TestMethod]
    public void MissingReasonText_IsRefused_NamingTheClause()
    {
        using var set = new TempRuleSet();
        set.Edit("eksport-2017/reasons.json", "\"P1.1\"", "\"P1.1-old\"");
        var ex = set.Refused();
        Assert.IsTrue(ex.Errors.Any(e => e.File == "templates/eksport-2017/reasons.json" && e.Message.Contains("clause P1.1,")), ex.Message);
    }

    [TestMethod]
    public void BrokenReasonText_IsRefused_AtItsLineInTheReasonsFile()
    {
        using var set = new TempRuleSet();
        set.Edit("eksport-2017/reasons.json", "Virksomheden ligger i {{ company.region }}", "Virksomheden ligger i {{ company.region ");
        var error = Single(set.Refused(), "eksport-2017/reasons.json");
        Assert.AreEqual(4, error.Line);
    }

    [TestMethod]
    public void ReasonWithoutItsPlaceInTheProgrammeDocuments_IsRefused()
    {
        using var set = new TempRuleSet();
        set.Edit("eksport-2017/reasons.json", "\"basis\": { \"document\": \"programme\", \"section\": \"2\" },", "");
        var error = Single(set.Refused(), "eksport-2017/reasons.json");
        Assert.Contains("must say where it stands in the programme documents", error.Message);
    }

    [TestMethod]
    public void ProgrammeWithoutItsDocument_IsRefused()
    {
        using var set = new TempRuleSet();
        File.Delete(Path.Combine(set.Templates, "eksport-2017", "programme.json"));
        Assert.Contains("has no programme.json naming its document", Single(set.Refused(), "eksport-2017/programme.json").Message);
    }

    [TestMethod]
    public void CriterionWithoutADanishLabel_IsRefused()
    {
        using var set = new TempRuleSet();
        set.Edit("letters.json", "\"growthAmbition\"", "\"growthAmbitionX\"");
        Assert.Contains("\"labels.criterion\" has no 'da' word for 'growthAmbition'", Single(set.Refused(), "letters.json").Message);
    }

    [TestMethod]
    public void SectorWithoutALetterLabel_IsPrintedWithTheRuleSetsLabel_NeverAsItsCodeWord()
    {
        using var set = new TempRuleSet();
        set.Edit("letters.json", "\"manufacturing\": {", "\"manufacturing-unused\": {");
        var snapshot = set.Load();
        var (_, html) = LetterCase.Load("01-approve", "da", snapshot).Render(snapshot);
        Assert.Contains("Fremstilling", html); // the label in rules/framework/vocabularies.json (P1.8)
        Assert.DoesNotContain("manufacturing", html);
    }

    [TestMethod]
    public void TemplateThatFailsOnlyInAFinalLetter_IsRefusedBeforeItIsActive()
    {
        using var set = new TempRuleSet();
        set.Edit("shared/da/override.html.scriban", "{{ final.justification }}{{ else }}", "{{ final.justifcation }}{{ else }}");
        Assert.Contains("justifcation", Single(set.Refused(), "shared/da/override.html.scriban").Message);
    }

    [TestMethod]
    public void MissingLetterTemplate_IsRefused()
    {
        using var set = new TempRuleSet();
        File.Delete(Path.Combine(set.Templates, "eksport-2017", "letter.en.html.scriban"));
        Assert.Contains("missing", Single(set.Refused(), "eksport-2017/letter.en.html.scriban").Message);
    }

    [TestMethod]
    public void Templates_AreCompiledOnce_IntoTheSnapshot_AndPartOfItsHash()
    {
        var snapshot = Repo.Snapshot;
        CollectionAssert.IsSubsetOf(
            new[] { "templates/eksport-2017/letter.da.html.scriban", "templates/eksport-2017/letter.en.html.scriban" },
            snapshot.Letters.TemplatePaths.ToList());
        Assert.IsNotNull(snapshot.Letters.Settings);
        using var set = new TempRuleSet();
        set.Edit(Letterhead, "Dato:", "Brevdato:");
        Assert.AreNotEqual(snapshot.Hash, set.Load().Hash);
    }

    [TestMethod]
    public void UnknownLanguage_IsARenderError()
    {
        var letter = LetterCase.Load("01-approve", "de");
        var ex = Assert.ThrowsExactly<LetterRenderException>(() => letter.Render());
        Assert.Contains("'de'", ex.Message);
    }

    [TestMethod]
    public void RuleSetWithoutTemplates_Loads_ButCannotRenderALetter()
    {
        using var set = new TempRuleSet();
        Directory.Delete(set.Templates, recursive: true);
        var snapshot = set.Load();
        Assert.IsTrue(snapshot.Letters.IsEmpty);
        var ex = Assert.ThrowsExactly<LetterRenderException>(() => LetterCase.Load("01-approve", "da", snapshot).Render(snapshot));
        Assert.Contains("no letter templates", ex.Message);
    }
}
