namespace Decisioning.Rules.Letters.Model;

/// <summary>Complaint guidance (klagevejledning): where to write and by when, from <c>templates/letters.json</c>.</summary>
public sealed record LetterComplaint(string Recipient, string Address, string Email, int DeadlineWeeks, LetterDate Deadline);
