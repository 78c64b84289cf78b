using System.Globalization;
using System.Net;

namespace ServerlessEvents.Functions.Email;

/// <summary>Small helpers for the HTML parts of emails: every value goes through <see cref="E"/>.</summary>
public static class Html
{
    /// <summary>HTML-escapes a value (<c>&lt; &gt; &amp; " '</c>).</summary>
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>An amount with two decimals and its currency, culture-invariant.</summary>
    public static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    /// <summary>Wraps escaped body HTML in a minimal document.</summary>
    public static string Document(string title, string bodyHtml) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body style=\"font-family:sans-serif\">{bodyHtml}</body></html>";
}
