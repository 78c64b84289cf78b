namespace ServerlessEvents.Functions.Catalog.Types;

/// <summary>How a user signed in (<c>password</c>, <c>sso</c>, <c>magicLink</c>, <c>apiKey</c>).</summary>
public enum LoginMethod
{
    /// <summary>Password.</summary>
    Password,
    /// <summary>Single sign-on.</summary>
    Sso,
    /// <summary>An emailed one-time link.</summary>
    MagicLink,
    /// <summary>An API key.</summary>
    ApiKey,
}
