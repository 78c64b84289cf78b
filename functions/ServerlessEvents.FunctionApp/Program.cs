using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessEvents.Functions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddServerlessEvents();
builder.Build().Run();
