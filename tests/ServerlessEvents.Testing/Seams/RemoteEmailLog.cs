using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Testing.Seams;

/// <summary>The test's switches on the test worker's <see cref="OutageEmailSendLog"/> (through its <c>testing/email-log</c> function).</summary>
public sealed class RemoteEmailLog
{
    private HttpClient? _worker;
    private bool _failChecks, _failRecords;

    /// <summary>Connects to the running test worker.</summary>
    public void Attach(HttpClient worker) => _worker = worker;

    /// <summary>When true, the worker's "was it sent?" check fails as unreachable storage does.</summary>
    public bool FailChecks
    {
        get => _failChecks;
        set => Send(_failChecks = value, _failRecords);
    }

    /// <summary>When true, recording a send fails as unreachable storage does.</summary>
    public bool FailRecords
    {
        get => _failRecords;
        set => Send(_failChecks, _failRecords = value);
    }

    private void Send(bool failChecks, bool failRecords)
    {
        var worker = _worker ?? throw new InvalidOperationException("The test worker has not started.");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/testing/email-log")
        {
            Content = JsonContent.Create(new JsonObject { ["failChecks"] = failChecks, ["failRecords"] = failRecords }),
        };
        using var response = worker.Send(request);
        response.EnsureSuccessStatusCode();
    }
}
