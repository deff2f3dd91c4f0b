using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Letters;

/// <summary>Reads <c>templates/letters.json</c>, naming the line of every missing or wrong value.</summary>
internal static class LetterSettingsReader
{
    public static LetterSettings? Read(RuleSetFile file, List<RuleSetError> errors)
    {
        JObject root;
        try
        {
            root = JObject.Parse(file.Text);
        }
        catch (JsonReaderException ex)
        {
            errors.Add(new RuleSetError(file.Path, null, ex.LineNumber, "not valid JSON: " + ex.Message));
            return null;
        }
        var before = errors.Count;
        void Error(JToken? at, string message) =>
            errors.Add(new RuleSetError(file.Path, null, at is IJsonLineInfo { } info && info.HasLineInfo() ? info.LineNumber : null, message));

        string Text(JToken? parent, string name)
        {
            var token = parent?[name];
            if (token is not { Type: JTokenType.String } || string.IsNullOrWhiteSpace((string?)token))
            {
                Error(token ?? parent, $"\"{name}\" must be a non-empty string");
                return "";
            }
            return (string)token!;
        }

        var languages = new Dictionary<string, LetterLanguage>(StringComparer.Ordinal);
        if (root["languages"] is not JObject langs || !langs.Properties().Any())
        {
            Error(root["languages"] ?? root, "\"languages\" must name at least one letter language, e.g. { \"da\": { \"culture\": \"da-DK\", \"dateFormat\": \"d. MMMM yyyy\" } }");
        }
        else
        {
            foreach (var lang in langs.Properties())
            {
                if (ReadLanguage(lang, Error, Text) is { } language)
                {
                    languages[lang.Name] = language;
                }
            }
        }

        IReadOnlyDictionary<string, string> PerLanguage(JToken? parent, string name)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parent?[name] is not JObject byLang)
            {
                Error(parent?[name] ?? parent, $"\"{name}\" must give a text for each language ({string.Join(", ", languages.Keys)})");
                return result;
            }
            foreach (var code in languages.Keys)
            {
                result[code] = Text(byLang, code);
            }
            return result;
        }

        var complaint = root["complaint"] as JObject;
        if (complaint is null)
        {
            Error(root, "\"complaint\" must give the complaint guidance: deadlineWeeks, recipient, address, email");
        }
        var weeks = complaint?["deadlineWeeks"];
        if (weeks is not { Type: JTokenType.Integer } || (int)weeks! <= 0)
        {
            Error(weeks ?? complaint ?? root, "\"complaint.deadlineWeeks\" must be a whole number of weeks above 0");
        }
        var referralWeeks = root["referral"]?["answerWeeks"];
        if (referralWeeks is not { Type: JTokenType.Integer } || (int)referralWeeks! <= 0)
        {
            Error(referralWeeks ?? root["referral"] ?? root, "\"referral.answerWeeks\" must be a whole number of weeks above 0 (when a referred case is expected to be decided)");
        }
        var basis = root["legalBasis"] as JObject;
        if (basis is null)
        {
            Error(root, "\"legalBasis\" must name the framework document every programme rests on: { \"framework\": { \"da\": \"…\", \"en\": \"…\" } }");
        }
        var labels = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(StringComparer.Ordinal);
        if (root["labels"] is not JObject vocabularies)
        {
            Error(root, "\"labels\" must give the letters' words for each vocabulary's machine words: { \"region\": { \"Midtjylland\": { \"da\": \"Region Midtjylland\", … } } }");
        }
        else
        {
            foreach (var vocabulary in vocabularies.Properties())
            {
                var words = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
                foreach (var word in (vocabulary.Value as JObject)?.Properties() ?? [])
                {
                    words[word.Name] = PerLanguage(vocabulary.Value, word.Name);
                }
                labels[vocabulary.Name] = words;
            }
        }
        var settings = new LetterSettings
        {
            Languages = languages,
            GrowthHouse = Text(root, "growthHouse"),
            Address = Text(root, "address"),
            ContactLine = PerLanguage(root, "contactLine"),
            ComplaintRecipient = PerLanguage(complaint, "recipient"),
            ComplaintAddress = Text(complaint, "address"),
            ComplaintEmail = Text(complaint, "email"),
            ComplaintDeadlineWeeks = weeks is { Type: JTokenType.Integer } ? (int)weeks : 0,
            ReferralAnswerWeeks = referralWeeks is { Type: JTokenType.Integer } ? (int)referralWeeks : 0,
            FrameworkDocument = basis is null ? new Dictionary<string, string>() : PerLanguage(basis, "framework"),
            ProgrammeDocuments = new Dictionary<string, ProgrammeDocument>(), // from each programme's programme.json
            Labels = labels,
        };
        return errors.Count > before ? null : settings;
    }

    private static LetterLanguage? ReadLanguage(JProperty lang, Action<JToken?, string> error, Func<JToken?, string, string> text)
    {
        if (lang.Value is not JObject o)
        {
            error(lang, $"the language '{lang.Name}' must be an object with \"culture\" and \"dateFormat\"");
            return null;
        }
        var cultureName = text(o, "culture");
        var dateFormat = text(o, "dateFormat");
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(cultureName, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            error(o["culture"], $"'{cultureName}' is not a culture .NET knows (e.g. da-DK, en-GB)");
            return null;
        }
        var symbol = o["currencySymbol"] is { Type: JTokenType.String } s ? (string?)s : null;
        int? pattern = null;
        if (o["currencyPositivePattern"] is { } p)
        {
            if (p.Type != JTokenType.Integer || (int)p is < 0 or > 3)
            {
                error(p, "\"currencyPositivePattern\" must be 0 (DKK120), 1 (120DKK), 2 (DKK 120) or 3 (120 DKK)");
            }
            else
            {
                pattern = (int)p;
            }
        }
        return cultureName.Length == 0 || dateFormat.Length == 0 ? null : new LetterLanguage(lang.Name, culture, dateFormat, symbol, pattern);
    }
}
