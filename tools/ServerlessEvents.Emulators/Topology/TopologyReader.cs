using System.Text.Json;

namespace ServerlessEvents.Emulators.Topology;

/// <summary>
/// Reads and validates <c>topology.json</c>. The build copies <c>infra/topology.json</c> next to the
/// executable (and into the publish output), so <see cref="LoadDefault"/> finds it in Azure, under
/// <c>func start</c> and in test output alike.
/// </summary>
public static class TopologyReader
{
    /// <summary>The file name next to the executable.</summary>
    public const string FileName = "topology.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads <c>topology.json</c> from the application base directory.</summary>
    public static TopologyDocument LoadDefault() => LoadFile(Path.Combine(AppContext.BaseDirectory, FileName));

    /// <summary>Loads and validates a topology file.</summary>
    public static TopologyDocument LoadFile(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The Event Grid topology file was not found at '{path}'. The build copies infra/topology.json there.", path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses and validates topology JSON; throws <see cref="InvalidDataException"/> naming every problem.</summary>
    public static TopologyDocument Parse(string json)
    {
        var document = JsonSerializer.Deserialize<TopologyDocument>(json, Json)
            ?? throw new InvalidDataException("The topology file is empty.");
        var problems = TopologyValidator.Validate(document);
        if (problems.Count > 0)
            throw new InvalidDataException("The topology file is invalid: " + string.Join("; ", problems));
        return document;
    }
}
