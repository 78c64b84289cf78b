using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.UnitTests.Hosting;

/// <summary>
/// While the custom handler and the isolated worker app serve the same features, each function.json and its
/// [Function] method must declare the same function: name, trigger, route, methods, queue and schedule.
/// </summary>
public sealed class WorkerFunctionsMatchManifestTests
{
    private static readonly FunctionManifest Manifest = FunctionManifest.Load(typeof(FunctionManifest).Assembly);

    private static IEnumerable<(string Name, MethodInfo Method)> WorkerFunctions() =>
        typeof(FunctionManifest).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Attribute: m.GetCustomAttribute<FunctionAttribute>(), Method: m))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Attribute!.Name, x.Method));

    [Fact]
    public void Every_worker_function_declares_what_its_function_json_declares()
    {
        var problems = new List<string>();
        foreach (var (name, method) in WorkerFunctions())
        {
            if (!Manifest.Functions.TryGetValue(name, out var definition))
            {
                problems.Add($"[Function(\"{name}\")] on {method.DeclaringType!.Name}.{method.Name} has no function.json");
                continue;
            }
            var trigger = method.GetParameters().Select(p => p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))).SingleOrDefault(a => a is not null);
            switch (trigger)
            {
                case HttpTriggerAttribute http:
                    Expect(problems, name, "trigger", "httpTrigger", definition.Trigger.Type);
                    Expect(problems, name, "route", definition.Route, http.Route);
                    Expect(problems, name, "methods", string.Join(",", definition.Methods.Select(m => m.ToUpperInvariant()).Order()),
                        string.Join(",", (http.Methods ?? []).Select(m => m.ToUpperInvariant()).Order()));
                    Expect(problems, name, "authLevel", "anonymous", http.AuthLevel.ToString().ToLowerInvariant());
                    break;
                case QueueTriggerAttribute queue:
                    Expect(problems, name, "trigger", "queueTrigger", definition.Trigger.Type);
                    Expect(problems, name, "queueName", definition.Trigger.Properties["queueName"]?.GetValue<string>(), queue.QueueName);
                    break;
                case TimerTriggerAttribute timer:
                    Expect(problems, name, "trigger", "timerTrigger", definition.Trigger.Type);
                    Expect(problems, name, "schedule", definition.Trigger.Properties["schedule"]?.GetValue<string>(), timer.Schedule);
                    break;
                case EventGridTriggerAttribute:
                    Expect(problems, name, "trigger", "eventGridTrigger", definition.Trigger.Type);
                    break;
                default:
                    problems.Add($"'{name}' has no single trigger parameter");
                    break;
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_function_json_has_a_worker_function()
    {
        var ported = WorkerFunctions().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Empty(Manifest.Functions.Keys.Where(name => !ported.Contains(name)).Order());
    }

    private static void Expect(List<string> problems, string function, string what, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            problems.Add($"'{function}' {what}: function.json says '{expected}', [Function] says '{actual}'");
        }
    }
}
