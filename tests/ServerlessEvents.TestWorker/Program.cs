using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using ServerlessEvents.Functions;
using ServerlessEvents.Testing.Seams;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddServerlessEvents();
builder.Services.AddTestSeams(builder.Configuration);
builder.Build().Run();
