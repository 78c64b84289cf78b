using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Catalog;
using ServerlessEvents.Functions.Tenancy;

namespace ServerlessEvents.Functions.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.1 document of the API once: every HTTP function of this assembly (route, methods and access
/// from its attributes; summary, query parameters and bodies from <see cref="ApiOperations"/>), the problem+json
/// errors, both auth schemes, the event types' data schemas as components, and a <c>webhooks</c> entry per event type
/// describing what a receiver gets (the body and the Standard Webhooks signature headers).
/// </summary>
public sealed partial class OpenApiDocumentBuilder
{
    private static readonly (int Status, string Description)[] ClientErrors =
    [
        (400, "The request is malformed; the problem names the field."),
        (401, "No key, or a key that is not valid."),
        (403, "The key may not call this operation."),
        (404, "Not found in the caller's tenant."),
        (413, "The body is too large."),
        (415, "The Content-Type is not accepted here."),
        (422, "The body is well-formed but invalid; the problem lists each field."),
        (429, "The tenant's ingest quota is used up; see Retry-After."),
        (503, "A dependency is unavailable; retry."),
    ];

    private readonly Lazy<(byte[] Json, string ETag)> _document;

    /// <summary>A builder over the catalog the app validates with.</summary>
    public OpenApiDocumentBuilder(EventTypeCatalog catalog) => _document = new(() =>
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Build(catalog), new JsonSerializerOptions { WriteIndented = true });
        return (json, "\"" + Convert.ToHexStringLower(SHA256.HashData(json))[..32] + "\"");
    });

    /// <summary>The document as UTF-8 JSON.</summary>
    public byte[] Json => _document.Value.Json;

    /// <summary>A strong ETag of <see cref="Json"/>.</summary>
    public string ETag => _document.Value.ETag;

    /// <summary>Every HTTP function of the app: name, upper-case methods, route template (under <c>/api</c>), access.</summary>
    public static IReadOnlyList<(string Function, string[] Methods, string Route, CallerAccess? Access)> HttpFunctions() =>
        typeof(OpenApiDocumentBuilder).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(x => x.Function is not null && x.Trigger is not null)
            .Select(x => (x.Function!.Name, (x.Trigger!.Methods ?? []).Select(v => v.ToUpperInvariant()).ToArray(), x.Trigger.Route ?? x.Function.Name,
                x.Method.GetCustomAttribute<CallerAccessAttribute>()?.Access))
            .OrderBy(x => x.Item3, StringComparer.Ordinal)
            .ToArray();

    private static JsonObject Build(EventTypeCatalog catalog)
    {
        var paths = new JsonObject();
        foreach (var (function, methods, route, access) in HttpFunctions())
        {
            var path = paths[$"/api/{route}"] as JsonObject ?? new JsonObject();
            paths[$"/api/{route}"] = path;
            foreach (var method in methods)
            {
                var operation = ApiOperations.All.GetValueOrDefault($"{function} {method}") ?? ApiOperations.All.GetValueOrDefault(function)
                    ?? throw new InvalidOperationException($"The HTTP function '{function}' has no entry in ApiOperations.");
                path[method.ToLowerInvariant()] = Operation(methods.Length > 1 ? $"{function}{char.ToUpperInvariant(method[0])}{method[1..].ToLowerInvariant()}" : function,
                    route, operation, access);
            }
        }
        var schemas = RequestSchemas();
        foreach (var type in catalog.Types.OrderBy(t => t.Type, StringComparer.Ordinal))
        {
            var schema = JsonNode.Parse(type.SchemaText)!.AsObject();
            schema.Remove("$schema");
            schema.Remove("$id");
            schemas[DataSchemaName(type.Type)] = schema;
        }
        var webhooks = new JsonObject();
        foreach (var type in catalog.TypeNames)
        {
            webhooks[type] = Webhook(type);
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ServerlessEvents API",
                ["version"] = "1.0",
                ["description"] = "Post domain events, read the audit log, manage webhooks, consumers, replays and settings. Errors are RFC 7807 problem+json with an errors list naming each field.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["webhooks"] = webhooks,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearerKey"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "A tenant key (or, where allowed, the administrator key) as Authorization: Bearer <key>." },
                    ["apiKeyHeader"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-api-key", ["description"] = "A tenant key in the x-api-key header." },
                },
            },
        };
    }

    private static JsonObject Operation(string operationId, string route, ApiOperation operation, CallerAccess? access)
    {
        var parameters = new JsonArray();
        foreach (Match name in RouteParameter().Matches(route))
        {
            parameters.Add(new JsonObject { ["name"] = name.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        foreach (var query in operation.Query ?? [])
        {
            var schema = new JsonObject { ["type"] = query.Type };
            if (query.Format is not null)
            {
                schema["format"] = query.Format;
            }
            parameters.Add(new JsonObject { ["name"] = query.Name, ["in"] = "query", ["required"] = false, ["description"] = query.Description, ["schema"] = schema });
        }
        var responses = new JsonObject();
        var success = new JsonObject { ["description"] = "Success." };
        if (operation.SuccessMediaType is { } media)
        {
            success["content"] = new JsonObject { [media] = new JsonObject { ["schema"] = media.Contains("json", StringComparison.Ordinal) ? new JsonObject { ["type"] = "object" } : new JsonObject { ["type"] = "string" } } };
        }
        responses[operation.Success.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;
        foreach (var (status, description) in ClientErrors.Where(e => Applies(e.Status, operation, access)))
        {
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
            };
        }
        var result = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = operation.Summary,
            ["tags"] = new JsonArray(operation.Tag),
            ["parameters"] = parameters,
            ["responses"] = responses,
            ["security"] = access is null ? new JsonArray() : new JsonArray(new JsonObject { ["bearerKey"] = new JsonArray() }, new JsonObject { ["apiKeyHeader"] = new JsonArray() }),
        };
        if (access is CallerAccess.Admin)
        {
            result["description"] = "Administrator key only.";
        }
        else if (access is CallerAccess.TenantOrAdmin)
        {
            result["description"] = "A tenant key, or the administrator key.";
        }
        if (operation.RequestSchema is { } body && body != "Empty")
        {
            result["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = body == "IncomingEvent"
                    ? new JsonObject
                    {
                        ["application/cloudevents+json"] = new JsonObject { ["schema"] = Ref("CloudEvent") },
                        ["application/json"] = new JsonObject { ["schema"] = Ref("IncomingEvent") },
                    }
                    : body == "IncomingBatch"
                        ? new JsonObject
                        {
                            ["application/cloudevents-batch+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "array", ["items"] = Ref("CloudEvent") } },
                            ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "array", ["items"] = Ref("IncomingEvent") } },
                        }
                        : new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(body) } },
            };
        }
        return result;
    }

    private static bool Applies(int status, ApiOperation operation, CallerAccess? access) => status switch
    {
        401 or 403 => access is not null,
        413 or 415 or 422 => operation.RequestSchema is not null and not "Empty",
        429 => operation.RequestSchema is "IncomingEvent" or "IncomingBatch",
        _ => true,
    };

    private static JsonObject Webhook(string type) => new()
    {
        ["post"] = new JsonObject
        {
            ["operationId"] = "receive-" + type,
            ["summary"] = $"What a webhook receiver gets for {type}: the CloudEvent, signed as Standard Webhooks.",
            ["parameters"] = new JsonArray(
                Header("webhook-id", "The delivery's id; the same on every retry of it."),
                Header("webhook-timestamp", "Unix seconds when this attempt was signed; refuse it when too far from now."),
                Header("webhook-signature", "Space-separated v1,<base64 HMAC-SHA256> signatures over id.timestamp.body (two during a secret rotation).")),
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/cloudevents+json"] = new JsonObject
                    {
                        ["schema"] = new JsonObject
                        {
                            ["allOf"] = new JsonArray(Ref("CloudEvent"), new JsonObject
                            {
                                ["type"] = "object",
                                ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = type }, ["data"] = Ref(DataSchemaName(type)) },
                            }),
                        },
                    },
                },
            },
            ["responses"] = new JsonObject
            {
                ["2XX"] = new JsonObject { ["description"] = "Received; any 2xx ends the delivery." },
                ["default"] = new JsonObject { ["description"] = "Anything else (or no answer in time) is retried on the subscription's schedule." },
            },
        },
    };

    private static JsonObject Header(string name, string description) => new()
    {
        ["name"] = name, ["in"] = "header", ["required"] = true, ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static string DataSchemaName(string type) => "data." + type;

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject RequestSchemas()
    {
        static JsonObject Obj(JsonObject properties, params string[] required) => new()
        {
            ["type"] = "object", ["properties"] = properties, ["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray()),
        };
        static JsonObject S(string? format = null, string? description = null)
        {
            var s = new JsonObject { ["type"] = "string" };
            if (format is not null) s["format"] = format;
            if (description is not null) s["description"] = description;
            return s;
        }
        static JsonObject Strings() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        return new JsonObject
        {
            ["Problem"] = Obj(new JsonObject
            {
                ["type"] = S("uri-reference"), ["title"] = S(), ["status"] = new JsonObject { ["type"] = "integer" }, ["detail"] = S(), ["traceId"] = S(),
                ["errors"] = new JsonObject { ["type"] = "array", ["items"] = Obj(new JsonObject { ["field"] = S(), ["message"] = S() }, "field", "message") },
            }, "title", "status"),
            ["CloudEvent"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "A CloudEvents 1.0 event in the JSON format; extension attributes (lower-case a-z0-9, at most 20 characters) are kept.",
                ["properties"] = new JsonObject
                {
                    ["specversion"] = new JsonObject { ["const"] = "1.0" }, ["id"] = S(), ["source"] = S("uri-reference"), ["type"] = S(),
                    ["subject"] = S(), ["time"] = S("date-time"), ["datacontenttype"] = S(), ["dataschema"] = S("uri"), ["data"] = new JsonObject(),
                    ["data_base64"] = S(description: "Binary data, base64."), ["tenantid"] = S(description: "Set by the pipeline on what it delivers."),
                },
                ["required"] = new JsonArray("specversion", "id", "source", "type"),
            },
            ["IncomingEvent"] = new JsonObject
            {
                ["description"] = "The simple envelope {type, data, id?, source?, subject?, time?, ...} or the legacy {event_id, event_type, ...}; see docs/cloudevents.md.",
                ["type"] = "object",
                ["properties"] = new JsonObject { ["type"] = S(), ["data"] = new JsonObject(), ["id"] = S(), ["source"] = S(), ["subject"] = S(), ["time"] = S("date-time") },
            },
            ["ReplayRequest"] = Obj(new JsonObject
            {
                ["ids"] = Strings(),
                ["filter"] = Obj(new JsonObject { ["type"] = S(), ["source"] = S(), ["subject"] = S(), ["from"] = S("date-time"), ["to"] = S("date-time") }),
                ["target"] = Obj(new JsonObject { ["kind"] = new JsonObject { ["enum"] = new JsonArray("all", "handler", "webhook") }, ["name"] = S(), ["subscriptionId"] = S() }, "kind"),
            }),
            ["ConsumerDefinition"] = Obj(new JsonObject { ["eventTypes"] = Strings(), ["startAt"] = new JsonObject { ["enum"] = new JsonArray("now", "earliest") } }),
            ["ConsumerAck"] = Obj(new JsonObject { ["cursor"] = S() }, "cursor"),
            ["WebhookCreate"] = Obj(new JsonObject
            {
                ["url"] = S("uri", "An https URL of a public host."), ["eventTypes"] = Strings(), ["filter"] = new JsonObject { ["type"] = "array" },
                ["description"] = S(), ["enabled"] = new JsonObject { ["type"] = "boolean" },
            }, "url"),
            ["WebhookUpdate"] = Obj(new JsonObject
            {
                ["url"] = S("uri"), ["eventTypes"] = Strings(), ["filter"] = new JsonObject { ["type"] = "array" }, ["description"] = S(), ["enabled"] = new JsonObject { ["type"] = "boolean" },
            }),
            ["WebhookRecover"] = Obj(new JsonObject { ["since"] = S("date-time") }, "since"),
            ["Preferences"] = Obj(new JsonObject
            {
                ["preferences"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "boolean" } },
                },
            }, "preferences"),
            ["EmailSettings"] = Obj(new JsonObject { ["adminEmails"] = new JsonObject { ["type"] = "array", ["maxItems"] = 20, ["items"] = S("email") } }, "adminEmails"),
            ["RetentionSettings"] = Obj(new JsonObject { ["days"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 3650 } }, "days"),
            ["Quota"] = Obj(new JsonObject
            {
                ["eventsPerSecond"] = new JsonObject { ["type"] = "number", ["minimum"] = 0.01, ["maximum"] = 100000 },
                ["burst"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000000 },
            }, "eventsPerSecond", "burst"),
        };
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
