using System.Net.Http.Headers;
using ServerlessEvents.Testing;

namespace ServerlessEvents.IntegrationTests.Reliability;

/// <summary>
/// Generates malformed requests for every HTTP endpoint: bad bodies, abusive headers, garbage query strings and
/// route values, and methods the route does not serve. Each request carries a valid key so it reaches the code.
/// </summary>
public static class BadInputCorpus
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

    private static readonly string[] QueryGarbage =
    [
        "limit=abc", "limit=-5", "limit=0", "limit=1e309", "limit=99999999999999999999", "from=yesterday", "to=2026-13-45T99:00:00Z",
        "from=2026-11-20T10:00:00Z&to=2020-01-01T00:00:00Z", "continuationToken=garbage", "continuationToken=" + Uri.EscapeDataString(Convert.ToBase64String(new byte[300])),
        "type=%00%01", "source=" + new string('s', 10_000), "subject=%FF%FE", "limit=10&limit=20", "window=-1", "window=abc", "bucket=" + new string('b', 2_000),
    ];

    private static readonly string[] RouteGarbage = ["%00", "..%2F..%2Fadmin", "%E2%80%AE", "%FF%FE", "a%20b", "*", "'or'1'='1", "x|y|z", "\u00e9\u00e8"];

    /// <summary>
    /// The corpus for one endpoint; <paramref name="fill"/> gives valid route values, <paramref name="key"/> the caller's
    /// key, <paramref name="readsBody"/> whether the endpoint takes a JSON body (from the OpenAPI document the build
    /// serves), so the must-reject bodies are held to it.
    /// </summary>
    public static IEnumerable<BadInput> For(ApiEndpoint endpoint, Func<string, string> fill, string key, bool readsBody)
    {
        var path = endpoint.Path(fill);
        var batch = endpoint.RouteTemplate.EndsWith("batch", StringComparison.Ordinal);
        var ingest = endpoint.RouteTemplate.StartsWith("events", StringComparison.Ordinal) && endpoint.Method == "POST" && endpoint.RouteTemplate != "events/replay";
        foreach (var (name, body, contentType) in MalformedBodies.All(batch).Concat(MalformedBodies.Management()))
        {
            yield return new BadInput($"{endpoint}: {name}", () => WithBody(endpoint.Method, path, key, body, contentType));
        }
        foreach (var (name, body, contentType) in MalformedBodies.MustReject())
        {
            yield return new BadInput($"{endpoint}: {name}", () => WithBody(endpoint.Method, path, key, body, contentType), MustReject: readsBody);
        }
        foreach (var (name, body, contentType) in MalformedBodies.WrongMediaTypes())
        {
            // Ingest takes binary mode with any Content-Type (or none), so only the other body endpoints must answer 415.
            yield return new BadInput($"{endpoint}: {name}", () => WithBody(endpoint.Method, path, key, body, contentType), MustReject: readsBody && !ingest);
        }
        foreach (var query in QueryGarbage)
        {
            yield return new BadInput($"{endpoint}: query {Short(query)}", () => Keyed(endpoint.Method, path + "?" + query, key));
        }
        foreach (var parameter in endpoint.Parameters)
        {
            foreach (var garbage in RouteGarbage.Append(new string('p', 10_000)))
            {
                var filled = endpoint.Path(p => p == parameter ? "\u0001" : fill(p)).Replace("%01", garbage, StringComparison.Ordinal);
                yield return new BadInput($"{endpoint}: route {parameter}={Short(garbage)}", () => Keyed(endpoint.Method, filled, key));
            }
        }
        foreach (var (name, apply) in HeaderAbuse(key))
        {
            yield return new BadInput($"{endpoint}: {name}", () =>
            {
                var request = WithBody(endpoint.Method, path, null, "{\"specversion\":\"1.0\"}"u8.ToArray(), "application/json");
                apply(request);
                return request;
            });
        }
        foreach (var method in Methods.Where(m => !endpoint.Method.Equals(m, StringComparison.OrdinalIgnoreCase)))
        {
            yield return new BadInput($"{endpoint}: wrong method {method}", () => Keyed(method, path, key));
        }
    }

    private static IEnumerable<(string Name, Action<HttpRequestMessage> Apply)> HeaderAbuse(string key)
    {
        yield return ("64 KB Authorization", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('k', 65_536)));
        yield return ("30 KB x-api-key", r => r.Headers.TryAddWithoutValidation("x-api-key", new string('k', 30_000)));
        yield return ("Authorization without a scheme", r => r.Headers.TryAddWithoutValidation("Authorization", key));
        yield return ("Bearer with control characters", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer \u0007\u0008" + key));
        yield return ("two different keys", r => { r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key); r.Headers.TryAddWithoutValidation("x-api-key", "sek_other"); });
        yield return ("300 extra headers", r => { SetKey(r, key); for (var i = 0; i < 300; i++) r.Headers.TryAddWithoutValidation($"x-extra-{i}", new string('h', 100)); });
        yield return ("garbage ce-* headers", r => { SetKey(r, key); foreach (var h in new[] { "ce-specversion", "ce-id", "ce-source", "ce-type", "ce-time", "ce-subject" }) r.Headers.TryAddWithoutValidation(h, "\u00ff\u0000" + new string('c', 5_000)); });
        yield return ("ce-time nonsense", r => { SetKey(r, key); r.Headers.TryAddWithoutValidation("ce-specversion", "1.0"); r.Headers.TryAddWithoutValidation("ce-id", "x"); r.Headers.TryAddWithoutValidation("ce-source", "/s"); r.Headers.TryAddWithoutValidation("ce-type", "order.created"); r.Headers.TryAddWithoutValidation("ce-time", "99999-99-99"); });
        yield return ("content type with unknown charset", r => { SetKey(r, key); r.Content!.Headers.Remove("Content-Type"); r.Content.Headers.TryAddWithoutValidation("Content-Type", "application/cloudevents+json; charset=ebcdic"); });
        yield return ("content type multipart without boundary", r => { SetKey(r, key); r.Content!.Headers.Remove("Content-Type"); r.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary="); });
        yield return ("content type garbage", r => { SetKey(r, key); r.Content!.Headers.Remove("Content-Type"); r.Content.Headers.TryAddWithoutValidation("Content-Type", ";;;==//"); });
        yield return ("content encoding gzip on plain body", r => { SetKey(r, key); r.Content!.Headers.TryAddWithoutValidation("Content-Encoding", "gzip"); });
        yield return ("traceparent garbage", r => { SetKey(r, key); r.Headers.TryAddWithoutValidation("traceparent", "zz-" + new string('f', 4_000)); });
    }

    private static HttpRequestMessage Keyed(string method, string path, string? key)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (key is not null)
        {
            SetKey(request, key);
        }
        return request;
    }

    private static HttpRequestMessage WithBody(string method, string path, string? key, byte[] body, string? contentType)
    {
        var request = Keyed(method, path, key);
        request.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return request;
    }

    private static void SetKey(HttpRequestMessage request, string key) => request.Headers.TryAddWithoutValidation("x-api-key", key);

    private static string Short(string text) => text.Length > 40 ? text[..40] + $"...({text.Length})" : text;
}
