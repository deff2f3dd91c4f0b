using Scriban;

namespace Decisioning.Rules.Letters;

/// <summary>The compiled plain-language text of one clause in one language, and where it stands in its reasons file.</summary>
internal sealed record ReasonText(string Clause, string Lang, Template Template, string File, int Line);
