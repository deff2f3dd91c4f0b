namespace Decisioning.Rules.Letters.Model;

/// <summary>
/// Complaint guidance (klagevejledning) from <c>templates/letters.json</c>: the body a complaint goes to, its address and
/// e-mail, and the deadline in weeks counted from the day the company received the decision (so no date is printed).
/// </summary>
public sealed record LetterComplaint(string Recipient, string Address, string Email, int DeadlineWeeks);
