using ServerlessEvents.Functions;

var app = ServerlessEventsApp.Create(args);
await app.RunAsync();
