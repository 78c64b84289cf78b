namespace ServerlessEvents.Functions.Email;

/// <summary>The SMTP server refused a recipient for good (a 5xx reply to <c>RCPT TO</c>): sending again cannot help.</summary>
public sealed class EmailRejectedException(string message, Exception inner) : Exception(message, inner);
