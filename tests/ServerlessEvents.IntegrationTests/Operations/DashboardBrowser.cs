using Microsoft.Playwright;

namespace ServerlessEvents.IntegrationTests.Operations;

/// <summary>Headless Debian Chromium driven by Playwright (never downloads a browser: the executable is the system one).</summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>Where the system Chromium lives (apt package <c>chromium</c>).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Launches Chromium headless and offline-friendly.</summary>
    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new DashboardBrowser(playwright, browser);
    }

    /// <summary>The screenshot path under the repository's TestResults/artifacts.</summary>
    public static string ArtifactPath(string name)
    {
        var directory = Path.Combine(ServerlessEvents.Testing.RepositoryPaths.Root, "TestResults", "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
