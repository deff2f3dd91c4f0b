using System.Text.Json.Nodes;
using Decisioning.Input;
using Decisioning.Policy;
using Microsoft.OpenApi;

namespace Decisioning.Host.Apis;

/// <summary>
/// The OpenAPI schema of an application, derived from <see cref="ApplicationContract"/> (the declaration the reader
/// uses) with the active rule set's vocabularies: programme ids, the words of every enumerated field and of the P1.8
/// vocabularies (region, sector).
/// </summary>
public static class ContractSchema
{
    /// <summary>The schema for a decision (<paramref name="decision"/>) or an eligibility check (no project block).</summary>
    public static OpenApiSchema Build(PolicySet? policy, bool decision) => Build(policy, decision, ApplicationContract.Fields);

    /// <summary>The schema of another declaration (one that extends <see cref="ApplicationContract.Fields"/>, see <see cref="ApplicationContract.With"/>).</summary>
    public static OpenApiSchema Build(PolicySet? policy, bool decision, IReadOnlyList<ContractField> contract) =>
        Object(contract, policy, decision, decision
            ? "An application, as the contract describes it. Every bad field is reported by JSON path in one 400 problem."
            : "An application for the eligibility check: the project block is not needed (and is ignored when given).", root: true);

    private static OpenApiSchema Object(IReadOnlyList<ContractField> fields, PolicySet? policy, bool decision, string? description, bool root = false)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = new Dictionary<string, IOpenApiSchema>(),
            Required = new HashSet<string>(),
        };
        foreach (var field in fields.Where(f => f.IsRead(decision)))
        {
            var property = Field(field, policy, decision);
            if (root && field.Name == "programme" && policy is not null)
            {
                property.Enum = policy.Programmes.Keys.Select(k => (JsonNode)JsonValue.Create(k)).ToList();
            }
            if (field.IsRequired(decision))
            {
                schema.Required.Add(field.Name);
            }
            else
            {
                // An optional field may also be null: the reader treats null as absent.
                property.Type |= JsonSchemaType.Null;
            }
            schema.Properties[field.Name] = property;
        }
        return schema;
    }

    private static OpenApiSchema Field(ContractField field, PolicySet? policy, bool decision)
    {
        var schema = field.Kind switch
        {
            FieldKind.Object => Object(field.Fields, policy, decision, field.Description),
            FieldKind.ObjectArray => new OpenApiSchema { Type = JsonSchemaType.Array, Items = Object(field.Fields, policy, decision, field.What), MaxItems = field.MaxItems, Description = field.Description },
            FieldKind.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            FieldKind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            FieldKind.Whole => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = ContractField.Format(field.Min), Maximum = ContractField.Format(field.Max) },
            FieldKind.Number => new OpenApiSchema { Type = JsonSchemaType.Number, Minimum = ContractField.Format(field.Min), Maximum = ContractField.Format(field.Max) },
            FieldKind.Word => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = policy?.Enumerations.Find(field.Vocabulary!)?.Words.Select(w => (JsonNode)JsonValue.Create(w)).ToList(),
            },
            _ => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = field.Pattern,
                MinLength = field.NonEmpty ? 1 : null,
                Enum = field.WordList is { } list && policy?.Vocabularies.GetValueOrDefault(list) is { } vocabulary
                    ? vocabulary.Words.Select(w => (JsonNode)JsonValue.Create(w.Word)).ToList()
                    : null,
            },
        };
        schema.Description ??= field.Description;
        if (field.Example is { } example && field.Kind is not (FieldKind.Object or FieldKind.ObjectArray))
        {
            schema.Examples = [field.Kind is FieldKind.Whole or FieldKind.Number ? JsonNode.Parse(example)! : JsonValue.Create(example)];
        }
        return schema;
    }
}
