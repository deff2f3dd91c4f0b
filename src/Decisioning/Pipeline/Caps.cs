namespace Decisioning.Pipeline;

/// <summary>The caps that apply to an application (P4.4 level cap, P4.5 lifetime cap; null when none applies, P4.7) and what is used of them.</summary>
public sealed record Caps(decimal? LevelCapDkk, decimal LevelCapUsedDkk, decimal? LifetimeCapDkk, decimal LifetimeCapUsedDkk, decimal? ParticipantCapDkk, decimal ParticipantCapUsedDkk);
