using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Rules;
using Microsoft.AspNetCore.Http;
using static Decisioning.Host.Pages.Html;

namespace Decisioning.Host.Pages;

/// <summary>
/// The consultant's form: every field of the contract's application, named by its JSON path, so a bad field's error
/// (by JSON path) is shown next to it. Converts the posted form to the contract's JSON.
/// </summary>
internal static class ApplicationForm
{
    private enum Kind { Text, Whole, Number, Date, Flag, LongText, Choice }

    private sealed record Field(string Path, Kind Kind, string Da, string En, string? HintDa = null, string? HintEn = null);

    // The page's labels and hints; the choices come from the contract declaration (FormChoices).
    private static readonly (string Da, string En, Field[] Fields)[] Labelled =
    [
        ("Ansøgning", "Application",
        [
            new("applicationId", Kind.Text, "Ansøgningsnummer", "Application id"),
            new("programme", Kind.Choice, "Program", "Programme"),
            new("activity", Kind.Choice, "Aktivitet", "Activity"),
            new("submittedOn", Kind.Date, "Indsendt", "Submitted on"),
        ]),
        ("Virksomhed", "Company",
        [
            new("company.cvr", Kind.Text, "CVR-nr.", "CVR number", HintDa: "8 cifre", HintEn: "8 digits"),
            new("company.name", Kind.Text, "Navn", "Name"),
            new("company.foundedOn", Kind.Date, "Stiftet", "Founded on"),
            new("company.employees", Kind.Whole, "Ansatte", "Employees"),
            new("company.region", Kind.Choice, "Region", "Region"),
            new("company.sector", Kind.Choice, "Branche", "Sector", HintDa: "food og primary har betydning", HintEn: "food and primary carry meaning"),
            new("growthMappingDone", Kind.Flag, "Vækstkortlægning gennemført", "Growth mapping done"),
            new("additionality", Kind.Flag, "Medfinansieringen er afgørende (additionalitet)", "Co-financing is decisive (additionality)"),
            new("exceptionJustification", Kind.LongText, "Begrundelse for undtagelse fra hovedreglen", "Justification for an exception to the main rule"),
        ]),
        ("Vækstambition", "Growth ambition",
        [
            new("assessment.growthAmbition.horizonYears", Kind.Number, "Inden for (år)", "Within (years)"),
            new("assessment.growthAmbition.revenueGrowth", Kind.Number, "Omsætningsvækst pr. år", "Revenue growth a year", HintDa: "0,15 skrives 0.15", HintEn: "0.15 = 15 %"),
            new("assessment.growthAmbition.employmentGrowth", Kind.Number, "Beskæftigelsesvækst pr. år", "Employment growth a year"),
            new("assessment.growthAmbition.exportGrowth", Kind.Number, "Eksportvækst pr. år", "Export growth a year"),
        ]),
        ("Skalerbarhed", "Scalability",
        [
            new("assessment.scalability.businessPlan", Kind.Choice, "Forretningsplan", "Business plan"),
            new("assessment.scalability.valueAddedGrowth", Kind.Number, "Vækst i værditilvækst", "Value-added growth"),
        ]),
        ("Organisation", "Organisation",
        [
            new("assessment.organisation.management", Kind.Choice, "Ledelse", "Management"),
            new("assessment.organisation.board", Kind.Choice, "Bestyrelse", "Board"),
            new("assessment.organisation.externalKnowledge", Kind.Choice, "Brug af ekstern viden", "External knowledge"),
        ]),
        ("Marked og internationalisering", "Market and internationalisation",
        [
            new("assessment.market.exportShare", Kind.Number, "Eksportandel", "Export share"),
            new("assessment.market.potentialTested", Kind.Flag, "Potentialet er afprøvet", "Potential tested"),
            new("assessment.market.salesMostlyOutsideRegion", Kind.Flag, "Salg mest uden for regionen", "Sales mostly outside the region"),
            new("assessment.market.exportExperience", Kind.Choice, "Eksporterfaring", "Export experience"),
            new("assessment.market.exportAmbition", Kind.Flag, "Eksportambition", "Export ambition"),
            new("assessment.market.salesChannelsClarified", Kind.Flag, "Salgskanaler afklaret", "Sales channels clarified"),
        ]),
        ("Finansiering af vækst", "Financing of growth",
        [
            new("assessment.finance.equityPositive", Kind.Flag, "Positiv egenkapital", "Positive equity"),
            new("assessment.finance.profitable", Kind.Flag, "Overskud", "Profitable"),
            new("assessment.finance.capitalNeedsOverview", Kind.Flag, "Overblik over kapitalbehov", "Overview of capital needs"),
            new("assessment.finance.fundingAccess", Kind.Flag, "Adgang til finansiering", "Access to funding"),
            new("assessment.finance.riskCapital", Kind.Choice, "Risikovillig kapital", "Risk capital"),
        ]),
        ("Ny teknologi og rollemodel", "New technology and role model",
        [
            new("assessment.technology", Kind.Choice, "Ny teknologi", "New technology"),
            new("assessment.roleModel", Kind.Choice, "Rollemodel", "Role model"),
        ]),
        ("Projekt (kun til indsendelse)", "Project (only to submit)",
        [
            new("project.totalCostDkk", Kind.Whole, "Samlede udgifter (kr.)", "Total cost (DKK)"),
            new("project.ownCashDkk", Kind.Whole, "Egne kontante midler (kr.)", "Own cash (DKK)"),
            new("project.requestedDkk", Kind.Whole, "Ansøgt beløb (kr.)", "Requested (DKK)"),
            new("project.plannedStart", Kind.Date, "Planlagt start", "Planned start"),
            new("project.plannedEnd", Kind.Date, "Planlagt afslutning", "Planned end"),
            new("project.startPackage", Kind.Flag, "Startpakke", "Start package"),
            new("project.milestones", Kind.LongText, "Milepæle, én pr. linje: ÅÅÅÅ-MM-DD navn", "Milestones, one a line: YYYY-MM-DD name"),
        ]),
    ];

    // After Labelled: static fields are initialised in the order they are written.
    private static readonly (string Da, string En, Field[] Fields)[] Sections = [.. Labelled, .. Undrawn()];

    /// <summary>A declared enumerated field the page has no label for yet still gets a choice list, named by its path.</summary>
    private static IEnumerable<(string Da, string En, Field[] Fields)> Undrawn()
    {
        var labelled = Labelled.SelectMany(s => s.Fields).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var rest = FormChoices.Declared.Where(d => !labelled.Contains(d.Path)).Select(d => new Field(d.Path, Kind.Choice, d.Path, d.Path)).ToArray();
        return rest.Length == 0 ? [] : [("Øvrige valg", "Other choices", rest)];
    }

    /// <summary>Renders the form with the posted values and the errors by JSON path.</summary>
    public static string Render(PageText t, RuleSetSnapshot snapshot, IFormCollection? values, IReadOnlyList<InputError> errors, IReadOnlyDictionary<string, string> criterionHelp)
    {
        var sb = new StringBuilder();
        if (errors.Count > 0)
        {
            sb.Append($"<div class=\"problem\" role=\"alert\"><p>{E(t["errors"])}</p><ul>");
            foreach (var e in errors)
            {
                sb.Append($"<li><a href=\"#{Id(FieldPath(e.Path))}\">{E(e.Path)}</a>: {E(e.Message)}</li>");
            }
            sb.Append("</ul></div>");
        }
        sb.Append($"<form method=\"post\" action=\"/consultant?lang={t.Lang}\" novalidate>");
        foreach (var (da, en, fields) in Sections)
        {
            sb.Append($"<fieldset><legend>{E(t.Lang == "en" ? en : da)}</legend>");
            var criterion = fields[0].Path.Split('.') is [ "assessment", var c, ..] ? c : null;
            if (criterion is not null && criterionHelp.TryGetValue(criterion, out var help))
            {
                sb.Append($"<p class=\"hint\">{E(help)}</p>");
            }
            foreach (var field in fields)
            {
                sb.Append(RenderField(t, snapshot, field, values, errors));
            }
            sb.Append("</fieldset>");
        }
        sb.Append($"<button type=\"submit\" name=\"action\" value=\"check\">{E(t["do-check"])}</button> ");
        sb.Append($"<button type=\"submit\" name=\"action\" value=\"submit\">{E(t["do-submit"])}</button></form>");
        return sb.ToString();
    }

    private static string RenderField(PageText t, RuleSetSnapshot snapshot, Field field, IFormCollection? values, IReadOnlyList<InputError> errors)
    {
        var id = Id(field.Path);
        var label = t.Lang == "en" ? field.En : field.Da;
        var hint = t.Lang == "en" ? field.HintEn : field.HintDa;
        var value = values?[field.Path].ToString() ?? Default(field, snapshot);
        var error = errors.FirstOrDefault(e => FieldPath(e.Path) == field.Path || FieldPath(e.Path).StartsWith(field.Path + "[", StringComparison.Ordinal));
        var described = new List<string>();
        var sb = new StringBuilder("<div class=\"field\">");
        var extra = new StringBuilder();
        if (hint is not null)
        {
            extra.Append($" <span class=\"hint\" id=\"{id}-hint\">{E(hint)}</span>");
            described.Add(id + "-hint");
        }
        if (error is not null)
        {
            extra.Append($" <span class=\"error\" id=\"{id}-error\">{E(error.Message)}</span>");
            described.Add(id + "-error");
        }
        var aria = (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "") + (error is not null ? " aria-invalid=\"true\"" : "");
        var name = E(field.Path);
        switch (field.Kind)
        {
            case Kind.Flag:
                var isChecked = values is null ? value == "true" : values.ContainsKey(field.Path);
                sb.Append($"<input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"true\"{(isChecked ? " checked" : "")}{aria}> <label for=\"{id}\">{E(label)}</label>");
                break;
            case Kind.LongText:
                sb.Append($"<label for=\"{id}\">{E(label)}</label><br><textarea id=\"{id}\" name=\"{name}\" rows=\"3\" cols=\"60\"{aria}>{E(value)}</textarea>");
                break;
            case Kind.Choice:
                sb.Append($"<label for=\"{id}\">{E(label)}</label><select id=\"{id}\" name=\"{name}\"{aria}>");
                foreach (var (word, text) in FormChoices.Options(field.Path, snapshot.Policy, t.Lang))
                {
                    sb.Append($"<option value=\"{E(word)}\"{(word == value ? " selected" : "")}>{E(text)}</option>");
                }
                sb.Append("</select>");
                break;
            default:
                var type = field.Kind == Kind.Date ? "date" : field.Kind is Kind.Whole or Kind.Number ? "text\" inputmode=\"decimal" : "text";
                sb.Append($"<label for=\"{id}\">{E(label)}</label><input type=\"{type}\" id=\"{id}\" name=\"{name}\" value=\"{E(value)}\"{aria}>");
                break;
        }
        sb.Append(extra).Append("</div>");
        return sb.ToString();
    }

    private static string Default(Field field, RuleSetSnapshot snapshot) => field.Path switch
    {
        "programme" => snapshot.Policy.Programmes.Keys.FirstOrDefault() ?? "",
        _ => "",
    };

    /// <summary>The contract's JSON built from the posted form; typed values where they parse, strings where not (the reader then names the field).</summary>
    public static JsonObject ToJson(IFormCollection form, bool withProject)
    {
        var root = new JsonObject();
        foreach (var (_, _, fields) in Sections)
        {
            foreach (var field in fields)
            {
                if (!withProject && field.Path.StartsWith("project.", StringComparison.Ordinal))
                {
                    continue;
                }
                var raw = form[field.Path].ToString().Trim();
                JsonNode? node = field.Kind switch
                {
                    Kind.Flag => form.ContainsKey(field.Path),
                    _ when raw.Length == 0 => null,
                    Kind.Whole or Kind.Number => decimal.TryParse((field.Kind == Kind.Whole ? WithoutThousandsSeparators(raw) : raw).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : raw,
                    Kind.LongText when field.Path == "project.milestones" => Milestones(raw),
                    _ => raw,
                };
                if (node is null && field.Path is not ("exceptionJustification" or "project.requestedDkk"))
                {
                    continue; // left out: the reader reports it as required
                }
                Set(root, field.Path, node);
            }
        }
        if (withProject && root["project"] is JsonObject project && !project.ContainsKey("milestones"))
        {
            project["milestones"] = new JsonArray();
        }
        return root;
    }

    /// <summary>
    /// A whole number as people type it on pages that show amounts as 435.000 kr. or DKK 435,000: digits in groups of
    /// three split by '.', ',' or a space are thousands, so 240.000 is 240000 kroner, never 240.
    /// </summary>
    private static string WithoutThousandsSeparators(string raw)
    {
        var groups = raw.Split(['.', ',', ' ', '\u00A0']);
        return groups.Length > 1 && groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && groups.All(g => g.All(char.IsAsciiDigit))
            ? string.Concat(groups)
            : raw;
    }

    private static JsonArray Milestones(string text)
    {
        var array = new JsonArray();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ');
            array.Add(new JsonObject
            {
                ["due"] = space < 0 ? line : line[..space],
                ["name"] = space < 0 ? "" : line[(space + 1)..].Trim(),
            });
        }
        return array;
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = new JsonObject();
                node[part] = child;
            }
            node = child;
        }
        node[parts[^1]] = value;
    }

    /// <summary>A JSON path (<c>$.company.cvr</c>) as a form field path (<c>company.cvr</c>).</summary>
    private static string FieldPath(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Id(string path) => "f-" + path.Replace('.', '-').Replace('[', '-').Replace(']', '-');
}
