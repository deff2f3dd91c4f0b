namespace Decisioning.Host.Apis;

/// <summary>
/// How large and how shaped a JSON request body may be. A body over <see cref="MaxBytes"/> is answered 413 before it
/// is parsed; within it, the shape is checked in one pass (<see cref="RequestBodyJson"/>) before any reader sees it, so
/// no reader meets duplicated members, text that is not UTF-8, or strings, arrays and numbers no application needs.
/// </summary>
public sealed record RequestBodyLimits
{
    /// <summary>Bytes of the whole body.</summary>
    public required int MaxBytes { get; init; }

    /// <summary>Nesting of objects and arrays (the root object is 1).</summary>
    public required int MaxDepth { get; init; }

    /// <summary>Characters (UTF-16 code units, after unescaping) of one string value.</summary>
    public required int MaxStringLength { get; init; }

    /// <summary>Characters of one member name.</summary>
    public int MaxNameLength { get; init; } = 200;

    /// <summary>Elements of one array.</summary>
    public int MaxArrayLength { get; init; } = 500;

    /// <summary>Members of one object.</summary>
    public int MaxMembers { get; init; } = 1000;

    /// <summary>Characters of one number as written (a decimal has at most 29 digits; exponent and sign need a few more).</summary>
    public int MaxNumberLength { get; init; } = 40;

    /// <summary>An application or an eligibility check (<c>POST /api/applications</c>, <c>/api/eligibility-checks</c>).</summary>
    public static readonly RequestBodyLimits Application = new() { MaxBytes = 1 << 20, MaxDepth = 32, MaxStringLength = 4000 };

    /// <summary>A committee's final decision: decidedBy and justification up to 4000 characters, nothing deep.</summary>
    public static readonly RequestBodyLimits FinalDecision = new() { MaxBytes = 1 << 20, MaxDepth = 8, MaxStringLength = 4000 };

    /// <summary>A rule set sent for validation as JSON: file name to file content, so a string may be a whole file.</summary>
    public static readonly RequestBodyLimits RuleSetUpload = new()
    {
        MaxBytes = Apis.RuleSetUpload.MaxBodyBytes,
        MaxDepth = 64,
        MaxStringLength = Apis.RuleSetUpload.MaxBodyBytes,
        MaxNameLength = 1000,
        MaxMembers = Apis.RuleSetUpload.MaxFiles,
    };

    /// <summary>The largest body any endpoint takes; the server refuses anything larger before an endpoint runs.</summary>
    public static int LargestBody => Apis.RuleSetUpload.MaxBodyBytes;
}
