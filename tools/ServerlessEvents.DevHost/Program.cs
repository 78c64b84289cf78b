using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ServerlessEvents.DevHost;

// The local Functions dev host: `scripts/run-local.sh`, or `dotnet run --project tools/ServerlessEvents.DevHost`.
// Settings: DevHost__* environment variables or --DevHost:*=... arguments (DevHostOptions).
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = DevHostOptions.Bind(configuration);
var root = RepositoryRoot();
if (root is null)
{
    Console.Error.WriteLine("run-local: run the dev host from the repository (no ServerlessEvents.sln above the current directory).");
    return 2;
}

using var loggers = LoggerFactory.Create(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft", LogLevel.Warning)
    .AddFilter("System.Net.Http", LogLevel.Warning)
    .AddFilter("Azure", LogLevel.Warning)
    .AddFilter("Grpc", LogLevel.Warning));

using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

return await new DevHostRunner(options, root, loggers).RunAsync(stopping.Token);

static string? RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServerlessEvents.sln")))
            {
                return dir.FullName;
            }
        }
    }
    return null;
}
