namespace ServerlessEvents.Functions.Email;

/// <summary>One rendered email to one recipient, with a plain-text and an HTML body.</summary>
/// <param name="To">The recipient address.</param>
/// <param name="Subject">The subject line (plain text).</param>
/// <param name="Text">The text/plain body.</param>
/// <param name="Html">The text/html body; every value in it is HTML-escaped.</param>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);
