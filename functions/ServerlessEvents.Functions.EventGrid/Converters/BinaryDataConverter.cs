using Microsoft.Azure.Functions.Worker.Converters;

namespace ServerlessEvents.Functions.EventGrid.Converters;

/// <summary>
/// Hands the delivered event text over as <see cref="BinaryData"/> (the worker's JSON fallback would expect base64).
/// </summary>
internal sealed class BinaryDataConverter : IInputConverter
{
    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context) =>
        new(context.TargetType == typeof(BinaryData) && EventText.TryGet(context, out var text)
            ? ConversionResult.Success(text)
            : ConversionResult.Unhandled());
}
