using System.Text.RegularExpressions;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>One HTTP function and method, as the worker's functions.metadata declares it.</summary>
public sealed partial record ApiEndpoint(string Function, string Method, string RouteTemplate)
{
    /// <summary>The route parameter names, e.g. <c>id</c> for <c>events/{id}</c>.</summary>
    public IReadOnlyList<string> Parameters => Parameter().Matches(RouteTemplate).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The request path with each parameter filled (values are URL-escaped).</summary>
    public string Path(Func<string, string> value) =>
        "/api/" + Parameter().Replace(RouteTemplate, m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    /// <summary>Every HTTP function the host serves, one entry per method.</summary>
    public static IReadOnlyList<ApiEndpoint> All(ServerlessEvents.Testing.WorkerHost host) =>
        host.HttpRoutes.Select(r => new ApiEndpoint(r.Function, r.Method, r.Route))
            .OrderBy(e => e.Function, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Method} /api/{RouteTemplate} ({Function})";

    [GeneratedRegex(@"\{\*?\*?([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
