namespace ServerlessEvents.Functions.Email;

/// <summary>Who an email goes to.</summary>
public enum EmailAudience
{
    /// <summary>One address from the event data (customer, new user); user preferences apply.</summary>
    Direct,
    /// <summary>The procurement list from <c>Email:ProcurementRecipients</c>.</summary>
    Procurement,
    /// <summary>The tenant's admins, from its email settings (<c>PUT /api/settings/email</c>).</summary>
    TenantAdmins,
}
