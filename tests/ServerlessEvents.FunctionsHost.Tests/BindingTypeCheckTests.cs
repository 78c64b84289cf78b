using System.Text.Json.Nodes;

namespace ServerlessEvents.FunctionsHost.Tests;

[Collection(SampleHostCollection.Name)]
public sealed class BindingTypeCheckTests(SampleHostFixture fixture) : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("sampleworker-").FullName;

    [Fact]
    public async Task Start_refuses_a_binding_type_that_no_listed_extension_provides_naming_function_and_type()
    {
        CopyDirectory(SampleWorkerOutput.Directory, _copy);
        var manifestPath = Path.Combine(_copy, "extensions.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var extensions = manifest["extensions"]!.AsArray();
        extensions.Remove(extensions.Single(e => e!["name"]!.ToString() == "EventGrid"));
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FunctionsHost.StartAsync(fixture.CreateOptions(_copy)));

        Assert.Contains("'OnCloudEvent'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'eventGridTrigger'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
