using Decisioning.Host.Cli;
using Decisioning.Rules;

namespace Decisioning.Tests.Hostile;

/// <summary>A command that cannot start says why on one line, with at most ten of a rule set's errors on it.</summary>
[TestClass]
public sealed class StartErrorTests
{
    [TestMethod]
    public void ARefusedRuleSet_IsOneLine_WithTenErrorsAndACountOfTheRest()
    {
        var errors = Enumerable.Range(1, StartError.MaxErrorsOnLine + 2)
            .Select(i => new RuleSetError($"rules/f{i}.json", "r", i, "bad\nvery bad")).ToList();
        var line = StartError.OneLine("serve", new RuleSetException(errors));
        Assert.DoesNotContain("\n", line);
        StringAssert.StartsWith(line, "decisioning serve cannot start: the rule set was refused (12 errors): rules/f1.json:1: rule 'r': bad very bad");
        StringAssert.Contains(line, $"rules/f{StartError.MaxErrorsOnLine}.json");
        Assert.DoesNotContain($"rules/f{StartError.MaxErrorsOnLine + 1}.json", line);
        StringAssert.EndsWith(line, "; and 2 more");
    }
}
