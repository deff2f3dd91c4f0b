using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Reads the workflow files of a rule set: valid JSON, valid against the RulesEngine workflow schema, in a folder
/// that says whether it is framework or which programme it belongs to.
/// </summary>
internal static class WorkflowReader
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(WorkflowReader).Assembly.GetManifestResourceStream("Decisioning.Rules.Schemas.workflow-schema.json")
            ?? throw new InvalidOperationException("The embedded workflow schema is missing.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    });

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    /// <summary>True for the files that hold workflows: JSON under <c>rules/framework/</c> or <c>rules/programmes/</c>.</summary>
    public static bool IsWorkflowPath(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && (path.StartsWith("rules/framework/", StringComparison.Ordinal) || path.StartsWith("rules/programmes/", StringComparison.Ordinal));

    public static WorkflowFile? Read(RuleSetFile file, List<RuleSetError> errors)
    {
        string? programme = null;
        if (file.Path.StartsWith("rules/programmes/", StringComparison.Ordinal))
        {
            var parts = file.Path.Split('/');
            if (parts.Length != 4)
            {
                errors.Add(new RuleSetError(file.Path, null, null, "a programme's rule files belong directly in rules/programmes/ID/"));
                return null;
            }
            programme = parts[2];
        }
        var text = file.Text;
        JObject json;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { FloatParseHandling = FloatParseHandling.Decimal, MaxDepth = 64 };
            json = JObject.Load(reader, LoadSettings);
            if (reader.Read() && reader.TokenType != JsonToken.Comment)
            {
                errors.Add(new RuleSetError(file.Path, null, reader.LineNumber, "there is more after the workflow's closing brace"));
                return null;
            }
        }
        catch (JsonReaderException ex)
        {
            errors.Add(new RuleSetError(file.Path, null, ex.LineNumber, "not valid JSON: " + ex.Message));
            return null;
        }
        var schemaErrors = Schema.Value.Validate(text);
        if (schemaErrors.Count > 0)
        {
            foreach (var e in Flatten(schemaErrors))
            {
                errors.Add(new RuleSetError(file.Path, null, e.HasLineInfo ? e.LineNumber : null, $"does not match the RulesEngine workflow schema at {e.Path}: {e.Kind}"));
            }
            return null;
        }
        return new WorkflowFile(file.Path, programme, json);
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var e in errors)
        {
            if (e is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var inner in Flatten(child.Errors.SelectMany(x => x.Value)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return e;
            }
        }
    }
}
