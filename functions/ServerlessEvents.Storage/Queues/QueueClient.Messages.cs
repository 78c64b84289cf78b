using System.Globalization;
using Azure;
using Azure.Core;
using ServerlessEvents.Storage.Queues.Models;

namespace ServerlessEvents.Storage.Queues;

public partial class QueueClient
{
    /// <summary>Sends a message (encoded per <see cref="MessageEncoding"/>). A negative TTL means "never expires".</summary>
    public virtual Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        SendMessageAsync(BinaryData.FromString(messageText ?? throw new ArgumentNullException(nameof(messageText))), visibilityTimeout, timeToLive, cancellationToken);

    public virtual async Task<Response<SendReceipt>> SendMessageAsync(BinaryData message, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = _rest.CreateMessage(RequestMethod.Post, _path + "/messages");
        if (visibilityTimeout is { } v) request.Request.Uri.AppendQuery("visibilitytimeout", Seconds(v));
        if (timeToLive is { } ttl) request.Request.Uri.AppendQuery("messagettl", ttl < TimeSpan.Zero ? "-1" : Seconds(ttl));
        SetXml(request.Request, QueueXml.MessageBody(QueueXml.Encode(message, MessageEncoding)));
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, request, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(QueueXml.ToSendReceipt(QueueXml.Messages(response.Content).Single()), response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32, default 1), hiding them for the visibility timeout (default 30 s).</summary>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        using var request = _rest.CreateMessage(RequestMethod.Get, _path + "/messages");
        if (maxMessages is { } max) request.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        if (visibilityTimeout is { } v) request.Request.Uri.AppendQuery("visibilitytimeout", Seconds(v));
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, request, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueXml.Messages(response.Content).Select(m => QueueXml.ToQueueMessage(m, MessageEncoding)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without hiding them.</summary>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        using var request = _rest.CreateMessage(RequestMethod.Get, _path + "/messages");
        request.Request.Uri.AppendQuery("peekonly", "true");
        if (maxMessages is { } max) request.Request.Uri.AppendQuery("numofmessages", max.ToString(CultureInfo.InvariantCulture));
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, request, cancellationToken, 200).ConfigureAwait(false);
        var messages = QueueXml.Messages(response.Content).Select(m => QueueXml.ToPeekedMessage(m, MessageEncoding)).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Deletes a received message; the pop receipt must come from the latest receive/update.</summary>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var request = MessageRequest(RequestMethod.Delete, messageId, popReceipt);
        return await StoragePipeline.SendAsync(_rest.Pipeline, request, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Changes a received message's visibility timeout and, optionally, its text.</summary>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        using var request = MessageRequest(RequestMethod.Put, messageId, popReceipt);
        request.Request.Uri.AppendQuery("visibilitytimeout", Seconds(visibilityTimeout));
        if (messageText is not null) SetXml(request.Request, QueueXml.MessageBody(QueueXml.Encode(BinaryData.FromString(messageText), MessageEncoding)));
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, request, cancellationToken, 204).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
        return Response.FromValue(new UpdateReceipt(receipt ?? "", next is null ? default : QueueXml.ParseDate(next)), response);
    }

    private HttpMessage MessageRequest(RequestMethod method, string messageId, string popReceipt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var request = _rest.CreateMessage(method, _path + "/messages/" + Uri.EscapeDataString(messageId));
        request.Request.Uri.AppendQuery("popreceipt", popReceipt);
        return request;
    }

    private static void SetXml(Request request, BinaryData body)
    {
        request.Headers.Add(HttpHeader.Names.ContentType, "application/xml");
        request.Content = RequestContent.Create(body);
    }

    private static string Seconds(TimeSpan value) => ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
