namespace Decisioning.Host.Pages.Policy;

/// <summary>One parameter of the rule set as the policy page lists it.</summary>
/// <param name="Clause">The policy clause (<c>P4.4</c>); empty for a named value of a file.</param>
/// <param name="Name">The parameter's name in the rule set (<c>levelCapDkk</c>, <c>share</c>, <c>minAgeYears</c>).</param>
/// <param name="Description">The rule's one-line description from the rule set (written in English there).</param>
/// <param name="Value">Its value, or the expression that computes it.</param>
/// <param name="Unit">What the value counts.</param>
/// <param name="File">The file it is in (<c>rules/framework/co-financing.json</c>).</param>
/// <param name="Rule">The rule's name, which names the clause and when it applies.</param>
/// <param name="Condition">When the value applies (the rule's expression), for an output such as a cap.</param>
public sealed record ParameterRow(string Clause, string Name, string? Description, ParameterValue Value, ParameterUnit Unit, string File, string Rule, string? Condition)
{
    /// <summary>What the parameter is about when that is a word of the rule set: the activity or the criterion.</summary>
    public string? Subject { get; init; }
}
