using Azure;
using Azure.Core;

namespace ServerlessEvents.Storage.Tables;

public partial class TableClient
{
    /// <summary>
    /// Submits up to 100 actions on one partition as an atomic entity-group transaction. Returns one
    /// response per action (with its ETag header). On rejection nothing is applied and a
    /// <see cref="TableTransactionFailedException"/> carries the failing index and the inner status.
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        if (actions.Count is 0 or > TableBatchRequest.MaxActions)
        {
            throw new ArgumentException($"A transaction needs 1 to {TableBatchRequest.MaxActions} actions; got {actions.Count}.", nameof(transactionActions));
        }
        var (body, contentType) = TableBatchRequest.Build(_rest.Endpoint, Name, actions);
        using var message = _rest.CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.Add(HttpHeader.Names.ContentType, contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await StoragePipeline.SendAsync(_rest.Pipeline, message, cancellationToken, 202).ConfigureAwait(false);
        var parts = TableBatchResponse.Parse(response);
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null) throw TableBatchResponse.Failure(failed, actions.Count);
        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status, $"The $batch response had {parts.Count} parts for {actions.Count} actions.", null, null);
        }
        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }
}
