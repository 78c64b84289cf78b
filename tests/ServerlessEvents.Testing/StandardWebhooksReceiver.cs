using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ServerlessEvents.Testing;

/// <summary>
/// Verifies a delivery as a receiver using the StandardWebhooks NuGet package does. StandardWebhooks 1.1.2 never compares
/// the <b>last</b> entry of a multi-entry <c>webhook-signature</c> (its loop ends one entry early), so during a rotation a
/// receiver holding only the old secret would refuse <c>v1,&lt;new&gt; v1,&lt;old&gt;</c>; it therefore hands the package one
/// entry at a time (each call still checks headers, timestamp tolerance and signature).
/// </summary>
public static class StandardWebhooksReceiver
{
    /// <summary>Accepts if the package verifies any one space-separated entry; otherwise rethrows the package's refusal.</summary>
    public static void Verify(string secret, string payload, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var webhook = new StandardWebhook(secret);
        var entries = headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length <= 1)
        {
            webhook.Verify(payload, headers);
            return;
        }

        WebhookVerificationException? refusal = null;
        foreach (var entry in entries)
        {
            var single = new HeaderDictionary(headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase))
            {
                ["webhook-signature"] = entry,
            };
            try
            {
                webhook.Verify(payload, single);
                return;
            }
            catch (WebhookVerificationException ex)
            {
                refusal = ex;
            }
        }

        throw refusal!;
    }

    /// <summary>Like <see cref="Verify"/>, returning false instead of throwing.</summary>
    public static bool Verifies(string secret, string payload, IHeaderDictionary headers)
    {
        try
        {
            Verify(secret, payload, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }
}
