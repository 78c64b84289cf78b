using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ServerlessEvents.Testing.Seams;

/// <summary>
/// The test's handle on the test worker's <see cref="TestClock"/>: setting <see cref="Offset"/> shifts the worker's
/// clock (through its <c>testing/clock</c> function) before it returns; as a <see cref="TimeProvider"/> it reads the
/// same shifted time in the test.
/// </summary>
public sealed class RemoteClock : TimeProvider
{
    private HttpClient? _worker;
    private TimeSpan _offset;

    /// <summary>Connects to the running test worker and sends it the current offset.</summary>
    public void Attach(HttpClient worker)
    {
        _worker = worker;
        Offset = _offset;
    }

    /// <summary>How far the worker's clock is shifted from the system clock.</summary>
    public TimeSpan Offset
    {
        get => _offset;
        set
        {
            _offset = value;
            if (_worker is not null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/testing/clock")
                {
                    Content = JsonContent.Create(new JsonObject { ["offsetTicks"] = value.Ticks.ToString(CultureInfo.InvariantCulture) }),
                };
                using var response = _worker.Send(request);
                response.EnsureSuccessStatusCode();
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
