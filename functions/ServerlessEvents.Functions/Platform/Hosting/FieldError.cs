namespace ServerlessEvents.Functions.Hosting;

/// <summary>One problem with one field of a request, e.g. <c>data.orderId</c>: "is required".</summary>
public sealed record FieldError(string Field, string Message);
