namespace Decisioning.Rules;

/// <summary>
/// Engineering limits of the loader (not policy): how large a rule set, a file and an expression may be, how long a
/// load and a rule's evaluation may run. Each keeps a slip or a hostile edit from crashing, hanging or exhausting the
/// service; hitting one is a refused change naming the file (and rule and line where there is one).
/// src/Rules/README.md lists them with the reason for each value.
/// </summary>
public static class RuleSetLimits
{
    /// <summary>Characters in one expression (a rule's, a parameter's or a message placeholder's).</summary>
    public const int MaxExpressionLength = 4_000;

    /// <summary>Nesting of brackets <c>( [ {</c> in one expression's text, counted before it is parsed.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>Nodes of one expression's tree after the named parameters it uses are put in place.</summary>
    public const int MaxTreeNodes = 5_000;

    /// <summary>Depth of one expression's tree after the named parameters it uses are put in place.</summary>
    public const int MaxTreeDepth = 200;

    /// <summary>Elements <c>Enumerable.Range</c> may produce.</summary>
    public const int MaxSequenceLength = 10_000;

    /// <summary>Width <c>PadLeft</c> / <c>PadRight</c> may pad a string to.</summary>
    public const int MaxPadWidth = 1_000;

    /// <summary>Steps (calls of an inner lambda, elements of a range) one evaluation of one rule may take.</summary>
    public const int MaxStepsPerEvaluation = 200_000;

    /// <summary>Wall-clock time one evaluation of one rule may take.</summary>
    public static readonly TimeSpan EvaluationTime = TimeSpan.FromMilliseconds(250);

    /// <summary>How long loading (reading, compiling, trial-running) a rule set may take before it is refused.</summary>
    public static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How long validating a sent rule set (the API, the policy page) may take, its trial on stored cases included.</summary>
    public static readonly TimeSpan ValidationDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Validations that may run at once in the whole service (one per caller, and at most this many together).</summary>
    public const int MaxConcurrentValidations = 2;

    /// <summary>Stack of the thread a rule set is parsed and compiled on (a request thread has 1 MB; the parser recurses).</summary>
    public const int LoaderStackBytes = 64 << 20;

    /// <summary>Bytes of one file of a rule set.</summary>
    public const long MaxFileBytes = 2 << 20;

    /// <summary>Bytes of all files of a rule set together.</summary>
    public const long MaxRuleSetBytes = 32 << 20;

    /// <summary>Files in a rule set (rules and templates together).</summary>
    public const int MaxFiles = 2_000;

    /// <summary>Folder depth below <c>rules/</c> or <c>templates/</c>.</summary>
    public const int MaxFolderDepth = 16;
}
