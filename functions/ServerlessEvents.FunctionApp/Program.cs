using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessEvents.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddServerlessEvents();
builder.Build().Run();
