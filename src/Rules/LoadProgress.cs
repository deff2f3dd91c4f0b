namespace Decisioning.Rules;

/// <summary>
/// Where a load is (file, rule, line), written by the loader's thread and read by the thread waiting for it, so a load
/// stopped at its deadline names what it was working on.
/// </summary>
internal sealed class LoadProgress
{
    [ThreadStatic]
    private static LoadProgress? t_current;

    private volatile RuleSetError _where = new("rules/", null, null, "reading the files");

    /// <summary>The progress of the load running on this thread, if any.</summary>
    public static LoadProgress? Current
    {
        get => t_current;
        set => t_current = value;
    }

    public RuleSetError Where => _where;

    /// <summary>Records what the load on this thread is working on (nothing when no load runs on it).</summary>
    public static void At(string file, string? rule, int? line, string doing)
    {
        Compilation.RuleBudget.ThrowIfLoadCancelled();
        if (t_current is { } progress)
        {
            progress._where = new RuleSetError(file, rule, line, doing);
        }
    }
}
