using System.Text.Json;
using Decisioning.Host.Store;
using Decisioning.Input;

namespace Decisioning.Host.Apis;

/// <summary>Parses a final-decision body, naming every bad field by its JSON path.</summary>
public static class FinalDecisionReader
{
    private const int MaxTextLength = 4000;

    public static InputResult<FinalDecisionRequest> Read(byte[] json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new(null, [new InputError("$", "is not valid JSON: " + ex.Message)]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new(null, [new InputError("$", "must be a JSON object with outcome, grantDkk, decidedBy and justification")]);
            }
            var errors = new List<InputError>();
            var outcome = Text(root, "outcome", required: true, errors);
            if (outcome is not null && !FinalOutcomes.All.Contains(outcome))
            {
                errors.Add(new InputError("$.outcome", $"must be one of {string.Join(", ", FinalOutcomes.All)}, not '{outcome}'"));
                outcome = null;
            }
            var grant = Grant(root, outcome, errors);
            var decidedBy = Text(root, "decidedBy", required: true, errors);
            var justification = Text(root, "justification", required: false, errors);
            if (errors.Count > 0)
            {
                return new(null, errors);
            }
            return new(new FinalDecisionRequest { Outcome = outcome!, GrantDkk = grant, DecidedBy = decidedBy!, Justification = justification }, []);
        }
    }

    private static string? Text(JsonElement root, string name, bool required, List<InputError> errors)
    {
        var path = "$." + name;
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new InputError(path, "is required"));
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError(path, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}"));
            return null;
        }
        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new InputError(path, "must not be empty"));
            return null;
        }
        if (text.Length > MaxTextLength)
        {
            errors.Add(new InputError(path, $"must be at most {MaxTextLength} characters"));
            return null;
        }
        return text;
    }

    /// <summary>Whole non-negative kroner; required for an approval, absent or 0 for a rejection.</summary>
    private static decimal Grant(JsonElement root, string? outcome, List<InputError> errors)
    {
        const string path = "$.grantDkk";
        var present = root.TryGetProperty("grantDkk", out var value) && value.ValueKind != JsonValueKind.Null;
        if (!present)
        {
            if (outcome is not null && FinalOutcomes.Grants(outcome))
            {
                errors.Add(new InputError(path, $"is required for {outcome}"));
            }
            return 0;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var grant))
        {
            errors.Add(new InputError(path, "must be a number of whole kroner"));
            return 0;
        }
        if (grant < 0 || grant != decimal.Truncate(grant))
        {
            errors.Add(new InputError(path, $"must be whole kroner, 0 or more, not {grant}"));
            return 0;
        }
        if (outcome == FinalOutcomes.Reject && grant != 0)
        {
            errors.Add(new InputError(path, $"must be 0 or absent for reject, not {grant}"));
        }
        return grant;
    }
}
