using Decisioning.Output;
using Decisioning.Policy;

namespace Decisioning.Pipeline;

/// <summary>One check as the checks stage evaluated it: the compiled check and its result.</summary>
public sealed record EvaluatedCheck(PolicyCheck Check, CheckResult Result);
