using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>
/// The review app for the browser tests: one embedded web host with sample cables in its review queue, and
/// Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class ReviewApp : IAsyncLifetime
{
    private HostProcess? _web;
    private IPlaywright? _playwright;

    internal Uri Address { get; private set; } = null!;
    internal PipelineClient Api { get; private set; } = null!;
    internal IBrowser Browser { get; private set; } = null!;
    internal string Work { get; } = Repository.NewTempDirectory();

    /// <summary>Document ids by file name, of the scans uploaded at the start.</summary>
    internal Dictionary<string, Guid> Documents { get; } = [];

    internal static readonly TimeSpan SessionCheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>The pipeline's SQLite database, for tests that look at what is stored.</summary>
    internal string Database => Path.Combine(Work, "data", "pipeline.db");

    /// <summary>Where the tests put their screenshots: <c>SCREENSHOTS_DIR</c> (docs/screenshots from infra/screenshots.sh), else the work folder.</summary>
    internal string Screenshots { get; } = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Repository.NewTempDirectory();

    public async Task InitializeAsync()
    {
        (_web, Address) = await HostProcess.WebAsync(new Dictionary<string, string>
        {
            ["Pipeline__DataDirectory"] = Path.Combine(Work, "data"),
            // The model shipped decides [ILLEGIBLE] here, so the review page shows each marker's probability.
            ["Pipeline__Illegibility__Model"] = "learned",
            // As behind a TLS-terminating proxy on this machine: the tests say when a request came over HTTPS.
            ["Web__ForwardedHeaders__Enabled"] = "true",
            ["Web__Hsts"] = "true",
            // Account changes reach signed-in sessions at this interval (a minute unless set): short, so tests need not wait.
            ["Web__SessionCheckInterval"] = SessionCheckInterval.ToString(),
        }, Path.Combine(Work, "web.log"));
        Api = new PipelineClient(Address);
        var scans = TestScans.SamplePages.Where(p => !Path.GetFileName(p).StartsWith("dev02", StringComparison.Ordinal)).ToList();
        // Copies of one cable for the tests that approve or save a document of their own (copy-00000, -00001, ...).
        var dev08 = scans.Where(p => Path.GetFileName(p).StartsWith("dev08", StringComparison.Ordinal)).ToList();
        var copies = TestScans.UniqueCopies(dev08, 8, Repository.NewTempDirectory());
        scans.AddRange(copies.Where((_, i) => i != 6));
        foreach (var result in await Api.UploadAsync(scans, collection: "samples")) Documents[result.FileName] = result.DocumentId!.Value;
        // A collection of its own, whose quality figures only its test makes.
        foreach (var result in await Api.UploadAsync([copies[6]], collection: QualityCollection)) Documents[result.FileName] = result.DocumentId!.Value;
        await Api.WaitUntilSettledAsync(scans.Count + 1, TimeSpan.FromMinutes(3), _web.Log);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>The collection of copy-00006 alone.</summary>
    internal const string QualityCollection = "telegrams-1943";

    internal Guid Document(string prefix) => Documents.Single(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;

    /// <summary>A fresh browser context (its own cookies), signed in as the user.</summary>
    internal async Task<IPage> SignInAsync(string user, string? password = null, int width = 1280, int height = 800, float zoom = 1)
    {
        // A zoom of 2 is the browser at 200 %: half the CSS pixels, each drawn twice as large.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = (int)(width / zoom), Height = (int)(height / zoom) },
            DeviceScaleFactor = zoom,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", password ?? TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // Signed in once the browser has left the login page: the page it lands on loads in the test's next step.
            await page.WaitForURLAsync(url => !url.Contains("/login"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator(".error, [role=alert]").AllTextContentsAsync();
            throw new TimeoutException($"{user} was not signed in within 30 s: the page is {page.Url}, saying \"{string.Join(" ", shown)}\". The web host's log ends:\n{Tail(Log(), 150)}");
        }
        return page;
    }

    internal async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name) });

    internal string Log() => _web?.Log() ?? "";

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    /// <summary>The web host's resident memory now.</summary>
    internal long ResidentBytes => _web?.ResidentBytes ?? 0;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        _web?.Dispose();
    }
}
