using System.Text.Json;
using System.Text.Json.Nodes;
using Decisioning.Host.Pages.Consultant;
using Decisioning.Input;
using Decisioning.Rules;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Decisioning.Host.Tests;

/// <summary>
/// The consultant's form binder as data: every file in <c>FormCases/</c> holds the posted form (control name to text,
/// with the row button pressed as <c>action</c>), whether it is a submission (<c>decision</c>), and what it must give:
/// the application the JSON API would get, the rows each list shows, and the reader's errors as
/// <c>JSON path -> form control</c>.
/// </summary>
[TestClass]
public sealed class FormCaseTests
{
    private static readonly Lazy<RuleSetSnapshot> Rules = new(() => RuleSetLoader.Load(TestFiles.Rules, TestFiles.Templates));

    private static readonly IStringLocalizer<ConsultantTexts> Texts =
        new StringLocalizer<ConsultantTexts>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "FormCases");

    public static IEnumerable<object[]> Cases() =>
        Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void FormCase_GivesTheApplicationRowsAndErrors(string file)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        var form = node["form"]!.AsObject().Select(p => new KeyValuePair<string, string>(p.Key, (string)p.Value!)).ToList();
        var decision = (bool)node["decision"]!;
        var values = ApplicationFormValues.From(form).Apply(form.FirstOrDefault(p => p.Key == "action").Value);
        var binding = ApplicationFormBinder.Bind(values, decision);

        if (node["application"] is JsonObject expected)
        {
            using var want = JsonDocument.Parse(expected.ToJsonString());
            using var got = JsonDocument.Parse(binding.Application.ToJsonString());
            Assert.IsTrue(JsonElement.DeepEquals(want.RootElement, got.RootElement), $"{file}: the form gave\n{binding.Application.ToJsonString()}");
        }
        foreach (var (list, rows) in node["rows"]?.AsObject() ?? [])
        {
            Assert.AreEqual((int)rows!, values.RowsOf(list), $"{file}: rows of {list}");
        }
        if (node["priorGrants"] is JsonValue has)
        {
            Assert.AreEqual((bool)has, binding.HasPriorGrants, $"{file}: earlier grants given");
        }
        if (node["errors"] is JsonArray errors)
        {
            var read = ApplicationReader.Read(binding.Application.ToJsonString(), Rules.Value.Policy, requireProject: decision);
            var actual = read.Errors.Select(e => $"{e.Path} -> {binding.FormNameOf(e.Path)}").Order(StringComparer.Ordinal).ToList();
            var want = errors.Select(e => (string)e!).Order(StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(want, actual, $"{file}: got\n{string.Join("\n", read.Errors.Select(e => $"{e.Path} -> {binding.FormNameOf(e.Path)}: {e.Message}"))}");
            foreach (var (path, text) in node["messagesDa"]?.AsObject() ?? [])
            {
                var error = FieldError.Of(read.Errors, binding).Single(e => e.Path == path);
                Assert.AreEqual(((string)text!, false), InDanish(() => error.TextIn("da", Texts)), $"{file}: {path} ({error.Message})");
            }
        }
    }

    [TestMethod]
    [DataRow("da")]
    [DataRow("en")]
    public void Every_section_and_field_of_the_contract_has_a_label(string lang)
    {
        // Each language's own resources, without falling back to the other.
        var resources = new System.Resources.ResourceManager(typeof(ConsultantTexts).FullName!, typeof(ConsultantTexts).Assembly)
            .GetResourceSet(lang == "da" ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(lang), true, false)!;
        var missing = ApplicationFormLayout.Sections
            .SelectMany(s => s.Fields.Select(f => "field-" + s.LabelKeyOf(f)).Prepend("section-" + s.Key))
            .Where(key => string.IsNullOrEmpty(resources.GetString(key)))
            .ToList();
        Assert.IsEmpty(missing, $"{lang}: no text for " + string.Join(", ", missing));
    }

    private static T InDanish<T>(Func<T> read)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("da");
        try
        {
            return read();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
