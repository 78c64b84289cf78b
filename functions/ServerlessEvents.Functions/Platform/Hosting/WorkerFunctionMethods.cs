using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessEvents.Functions.Hosting;

/// <summary>
/// The method behind a worker function (from its entry point, <c>Namespace.Type.Method</c>), so middleware can read
/// the attributes a function declares. Resolved once per function.
/// </summary>
public sealed class WorkerFunctionMethods
{
    private readonly ConcurrentDictionary<string, MethodInfo?> _methods = new(StringComparer.Ordinal);

    /// <summary>The method of the function being invoked, or null when its entry point cannot be found.</summary>
    public MethodInfo? Of(FunctionContext context) =>
        _methods.GetOrAdd(context.FunctionDefinition.EntryPoint, static entryPoint => Resolve(entryPoint));

    /// <summary>The attribute <typeparamref name="T"/> on the function's method, if it declares one.</summary>
    public T? Attribute<T>(FunctionContext context) where T : Attribute => Of(context)?.GetCustomAttribute<T>();

    private static MethodInfo? Resolve(string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }
        var typeName = entryPoint[..dot];
        var methodName = entryPoint[(dot + 1)..];
        return AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(typeName, throwOnError: false))
            .FirstOrDefault(type => type is not null)
            ?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(method => method.Name == methodName && method.GetCustomAttribute<FunctionAttribute>() is not null);
    }
}
