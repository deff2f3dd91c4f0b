namespace Decisioning.Host.Store;

/// <summary>
/// A final decision's letter as it was sent: its language, the HTML exactly as rendered and the <c>sha256:</c> of its
/// UTF-8 bytes. Kept in the final decision's record, so its hash is in the audit trail with the record.
/// </summary>
public sealed record StoredLetter(string Lang, string Html, string Sha256);
