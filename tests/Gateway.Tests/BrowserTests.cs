using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RobuustOD.Gateway.Tests.Platform;

namespace RobuustOD.Gateway.Tests;

/// <summary>
/// The dashboard in real Chromium (Debian's <c>/usr/bin/chromium</c>; Playwright's own browsers are never
/// downloaded): sign in through the identity provider's page, look at the overview and the map, click through to
/// ODG and its letter, as another OD try to reach ODG's drafts, and use the main page with the keyboard only.
/// Screenshots go to TestResults/screenshots.
/// </summary>
// Alone, after the other classes: while they load the shared platform in parallel, a page navigation here has
// exceeded its 30 s timeout on this 2-core machine (two of three runs of the whole project, 2026-12-01).
[Collection(BrowserCollection.Name)]
public sealed partial class BrowserTests(DashboardPlatform platform) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string Screenshots = Path.Combine(DashboardPlatform.RepositoryRoot(), "TestResults", "screenshots");

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        // Expectations wait for what a page shows; on a loaded machine that comes late, as navigations do.
        Assertions.SetDefaultExpectTimeout(LoadedMachineTimeout);
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root in a container: no user namespace sandbox, and /dev/shm may be tiny.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=nl-NL"],
        });
    }

    private const float LoadedMachineTimeout = 90_000;

    private async Task<IPage> SignedInPageAsync(string user, string path = "/")
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = platform.GatewayAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "nl-NL",
        });
        var page = await context.NewPageAsync();
        // The first sign-in and page of a freshly started platform, while the other test projects run beside it on two
        // cores, took more than 30 s in CI (2026-12-01, load average 15; alone the whole class takes under 30 s).
        page.SetDefaultTimeout(LoadedMachineTimeout);
        page.SetDefaultNavigationTimeout(LoadedMachineTimeout);
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanmelden bij RobuustOD (ontwikkelomgeving)" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = user, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(platform.GatewayAddress.ToString().TrimEnd('/'))));
        return page;
    }

    private static Task<byte[]> ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    private async Task<string> CssColourOfAsync(IPage page, string selector) =>
        await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    [Fact]
    public async Task ienw_sees_the_overview_and_the_map_and_follows_odg_to_its_letter()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await SignedInPageAsync("ienw");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Landelijk overzicht", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("gebruiker")).ToHaveTextAsync("ienw");
        await Assertions.Expect(page.GetByTestId("stand-per")).ToBeVisibleAsync();

        // Every ODG cell shows what the assessment API says, in word, code and colour.
        using var api = await platform.ApiClientAsync("ienw", ct);
        var matrix = await api.GetFromJsonAsync<JsonElement>(new Uri("/beoordeling/v1/landelijk-overzicht?ronde=2024", UriKind.Relative), ct);
        var odg = matrix.GetProperty("omgevingsdiensten").EnumerateArray().Single(o => o.GetProperty("omgevingsdienst").GetString() == "ODG");
        var colours = new Dictionary<string, string> { ["groen"] = "rgb(26, 127, 55)", ["oranje"] = "rgb(179, 89, 0)", ["rood"] = "rgb(180, 35, 24)", ["geen"] = "rgb(75, 85, 99)" };
        foreach (var cel in odg.GetProperty("criteria").EnumerateArray())
        {
            var kleur = cel.GetProperty("kleur").GetString() ?? "geen";
            var licht = $"tr[data-od=ODG] td[data-criterium='{cel.GetProperty("nummer").GetInt32()}'] .licht";
            var woord = kleur == "geen" ? "niet gescoord" : kleur;
            var code = cel.GetProperty("haalbaarheid").ValueKind == JsonValueKind.Number ? cel.GetProperty("haalbaarheid").GetInt32().ToString() : "–";
            await Assertions.Expect(page.Locator(licht)).ToHaveTextAsync($"{code} {woord}");
            Assert.Equal(colours[kleur], await CssColourOfAsync(page, licht));
        }

        await ScreenshotAsync(page, "overzicht");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kaart", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kaart van Nederland" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#kaart[data-getekend=true] svg path").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#kaart svg path").CountAsync() >= 12);
        // Groningen takes ODG's worst light; the province table says it in words.
        var worst = odg.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("kleur").GetString())
            .OrderByDescending(k => k switch { "rood" => 3, "oranje" => 2, "groen" => 1, _ => 0 }).First();
        await Assertions.Expect(page.Locator("tr[data-provincie=Groningen] .licht")).ToContainTextAsync(worst!);
        await Assertions.Expect(page.GetByText("CBS / PDOK", new() { Exact = false })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "kaart");

        await page.GetByRole(AriaRole.Link, new() { Name = "Landelijk overzicht" }).ClickAsync();
        await page.Locator("tr[data-od=ODG] th a").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Omgevingsdienst ODG" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("register")).ToContainTextAsync("Omgevingsdienst Groningen");
        await ScreenshotAsync(page, "odg");

        await page.GetByTestId("brief").First.ClickAsync();
        await page.WaitForURLAsync("**/beoordeling/v1/beoordelingen/ODG-2024/brief");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Omgevingsdienst Groningen");
        await ScreenshotAsync(page, "odg-brief");

        // The browser holds a session cookie only: HttpOnly, SameSite=Lax, and no token anywhere.
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name == "robuustod-sessie");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.All(cookies, c => Assert.DoesNotMatch(Jwt(), c.Value));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.access_token"));
    }

    [Fact]
    public async Task another_od_cannot_reach_odgs_drafts_and_requests()
    {
        var page = await SignedInPageAsync("od-FUMO", "/omgevingsdiensten/ODG");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Omgevingsdienst ODG" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Monitoring: Geen toegang met uw rol.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Subsidie: Geen toegang met uw rol.")).ToBeVisibleAsync();
        Assert.DoesNotContain(platform.OdgDraftReport, await page.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "fumo-odg");

        var report = await page.GotoAsync($"/monitoring/v1/voortgangsrapportages/{platform.OdgDraftReport}");
        var request = await page.GotoAsync($"/subsidie/v1/aanvragen/{platform.OdgDraftRequest}");
        Assert.Contains(report!.Status, new[] { 403, 404 });
        Assert.Contains(request!.Status, new[] { 403, 404 });
    }

    [Fact]
    public async Task the_main_page_works_with_the_keyboard_only()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.GatewayAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(LoadedMachineTimeout);
        page.SetDefaultNavigationTimeout(LoadedMachineTimeout);
        await page.GotoAsync("/");

        // Sign in with the keyboard: the picker's first button is ienw.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("ienw", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Landelijk overzicht", Exact = true })).ToBeVisibleAsync();

        // First stop: the skip link, visible when focused; it moves focus to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("inhoud", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The filter form and the matrix links are reachable in order, and every stop shows its focus.
        var stops = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>("() => (document.activeElement.id || document.activeElement.getAttribute('href') || document.activeElement.textContent).trim()"));
            Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        }

        Assert.Equal(["ronde", "seveso", "provincie", "Toon"], stops.Take(4));
        Assert.Contains("/omgevingsdiensten/ODG", stops);

        // Back to the top and along the menu to the map, with Enter.
        await page.GotoAsync("/");
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Kaart", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        // The navigation is what the keyboard did; the map's own scripts (ECharts, the boundaries) need not have loaded,
        // and on a loaded machine they took longer than the timeout (CI, 2026-12-01).
        await page.WaitForURLAsync("**/kaart", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kaart van Nederland" })).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
