namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// Declares who may call an HTTP function. The worker's caller-authentication middleware reads it before the function
/// runs: no key or a wrong key gets 401 problem+json and the function never runs; the caller is then available through
/// <see cref="CallerAuthentication.Caller"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CallerAccessAttribute(CallerAccess access) : Attribute
{
    /// <summary>Who may call.</summary>
    public CallerAccess Access { get; } = access;
}
