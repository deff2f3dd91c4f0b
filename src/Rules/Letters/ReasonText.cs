using Scriban;

namespace Decisioning.Rules.Letters;

/// <summary>
/// The compiled plain-language text of one clause in one language, where it stands in its reasons file, and where the
/// clause stands in the programme documents (<c>framework</c> or <c>programme</c>, and the section).
/// </summary>
internal sealed record ReasonText(string Clause, string Lang, Template Template, string File, int Line, string? BasisDocument, string? BasisSection);
