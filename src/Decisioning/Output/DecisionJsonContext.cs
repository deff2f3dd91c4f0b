using System.Text.Json.Serialization;
using Decisioning.Input;

namespace Decisioning.Output;

/// <summary>
/// Source-generated JSON metadata for the contract's outputs, so serialising a decision needs no reflection at start
/// and writes UTF-8 directly. <see cref="DecisionJson"/> puts it first in its resolver chain.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(NormalizedDecimalConverter)])]
[JsonSerializable(typeof(Decision))]
[JsonSerializable(typeof(EligibilityCheck))]
[JsonSerializable(typeof(InputError))]
[JsonSerializable(typeof(IReadOnlyList<InputError>))]
public sealed partial class DecisionJsonContext : JsonSerializerContext;
