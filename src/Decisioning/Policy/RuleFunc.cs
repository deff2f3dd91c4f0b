using Decisioning.Model;
using Decisioning.Pipeline;

namespace Decisioning.Policy;

/// <summary>A compiled rule expression over the application (<c>a</c>) and the facts derived so far (<c>f</c>).</summary>
public delegate T RuleFunc<out T>(Application a, DecisionFacts f);

/// <summary>A compiled message template; <c>m</c> is the milestone for per-milestone conditions, else null.</summary>
public delegate string MessageFunc(Application a, DecisionFacts f, Milestone? m);
