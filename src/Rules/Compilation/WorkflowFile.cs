using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Compilation;

/// <summary>A parsed workflow file and the programme it belongs to (null for the framework).</summary>
internal sealed record WorkflowFile(string Path, string? Programme, JObject Json);
