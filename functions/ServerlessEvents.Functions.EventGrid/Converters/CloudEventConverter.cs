using System.Text.Json;
using Azure.Messaging;
using Microsoft.Azure.Functions.Worker.Converters;

namespace ServerlessEvents.Functions.EventGrid.Converters;

/// <summary>Parses the delivered text into a <see cref="CloudEvent"/>, or a <c>CloudEvent[]</c> for a batch.</summary>
internal sealed class CloudEventConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        if (context.TargetType != typeof(CloudEvent) && context.TargetType != typeof(CloudEvent[]))
        {
            return new(ConversionResult.Unhandled());
        }
        if (!EventText.TryGet(context, out var text))
        {
            return new(ConversionResult.Unhandled());
        }
        try
        {
            object? value = context.TargetType == typeof(CloudEvent)
                ? CloudEvent.Parse(text)
                : CloudEvent.ParseMany(text, skipValidation: false);
            return new(value is null
                ? ConversionResult.Failed(new InvalidOperationException("The delivered Event Grid payload is empty."))
                : ConversionResult.Success(value));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException)
        {
            return new(ConversionResult.Failed(e));
        }
    }
}
