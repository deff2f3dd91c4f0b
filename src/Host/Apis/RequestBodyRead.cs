using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisioning.Host.Apis;

/// <summary>A JSON request body that may be handed to a reader, or the problem to answer instead (413, or 400 naming every bad path).</summary>
public sealed record RequestBodyRead(byte[]? Body, ProblemHttpResult? Problem);
