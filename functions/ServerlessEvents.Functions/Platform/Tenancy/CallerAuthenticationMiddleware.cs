using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using ServerlessEvents.Functions.Hosting;

namespace ServerlessEvents.Functions.Tenancy;

/// <summary>
/// Authenticates the caller of every HTTP function that declares <see cref="CallerAccessAttribute"/>, before it runs.
/// A refused caller gets the 401 problem and the function is not invoked.
/// </summary>
public sealed class CallerAuthenticationMiddleware(WorkerFunctionMethods methods) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && methods.Attribute<CallerAccessAttribute>(context) is { } declared
            && await CallerAuthentication.AuthenticateAsync(http, declared.Access) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }
        await next(context);
    }
}
