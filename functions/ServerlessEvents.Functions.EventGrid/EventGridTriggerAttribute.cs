using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using ServerlessEvents.Functions.EventGrid.Converters;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Binds a parameter to the Event Grid event(s) the host delivers (binding type <c>eventGridTrigger</c>).
/// Single-event functions bind <see cref="string"/>, <see cref="Azure.Messaging.CloudEvent"/> or
/// <see cref="BinaryData"/>; with <see cref="IsBatched"/> the parameter is <c>CloudEvent[]</c>.
/// </summary>
[InputConverter(typeof(CloudEventConverter))]
[InputConverter(typeof(BinaryDataConverter))]
[ConverterFallbackBehavior(ConverterFallbackBehavior.Default)]
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventGridTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>True when one invocation receives the whole delivery (cardinality Many). Default false.</summary>
    [DefaultValue("false")]
    public bool IsBatched { get; set; }
}
