using Decisioning.Policy;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// A rule's message in both languages: the English <c>SuccessEvent</c> / <c>ErrorMessage</c> and the Danish wording
/// beside it in <c>Properties.successDa</c> / <c>Properties.errorDa</c>, compiled once per snapshot with the same
/// placeholders and allow-list. A message in one language without the other is an error naming the rule.
/// </summary>
internal static class RuleMessages
{
    /// <summary>The rule's success message (<c>SuccessEvent</c>, <c>Properties.successDa</c>).</summary>
    public static (MessageFunc En, MessageFunc Da) Success(ExpressionCompiler expressions, RuleDefinition rule, RuleProperties p, ExpressionScope scope, bool withMilestone = false) =>
        Both(expressions, rule.SuccessEvent, "SuccessEvent", "successDa", p, scope, withMilestone);

    /// <summary>The rule's failure message (<c>ErrorMessage</c>, <c>Properties.errorDa</c>).</summary>
    public static (MessageFunc En, MessageFunc Da) Error(ExpressionCompiler expressions, RuleDefinition rule, RuleProperties p, ExpressionScope scope) =>
        Both(expressions, rule.ErrorMessage, "ErrorMessage", "errorDa", p, scope, withMilestone: false);

    private static (MessageFunc En, MessageFunc Da) Both(ExpressionCompiler expressions, string? english, string englishKey, string danishKey, RuleProperties p, ExpressionScope scope, bool withMilestone)
    {
        var danish = p.String(danishKey, required: false);
        var en = expressions.CompileMessage(english, scope, withMilestone);
        if (string.IsNullOrEmpty(english))
        {
            if (danish is not null)
            {
                p.Error($"Properties.{danishKey} has no English {englishKey} beside it: every message is given in both languages");
            }
            return (en, en);
        }
        if (danish is null)
        {
            p.Error($"Properties.{danishKey} is required: the Danish wording of the {englishKey}, with the same placeholders");
            return (en, en);
        }
        return (en, expressions.CompileMessage(danish, scope, withMilestone));
    }
}
