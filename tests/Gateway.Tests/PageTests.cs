using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RobuustOD.Gateway.Dashboard;
using RobuustOD.Gateway.Dashboard.Pages;

namespace RobuustOD.Gateway.Tests;

/// <summary>The pages' HTML for a known set of data (rendered as the endpoints render them, parsed with AngleSharp).</summary>
public sealed class PageTests
{
    private static readonly Kop Ienw = new(new Aanmelding("ienw", "ienw", null), new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero));

    private static readonly Matrix Bekend = new("2024",
        [new(1, "Kritieke massa"), new(4, "Specialistische taken"), new(7, "Vaste formatie")],
        [
            new("ODG", "Omgevingsdienst Groningen", false, "nietZelfstandigRobuust", 1,
                [new(1, 3, "rood", 0), new(4, 2, "oranje", 0), new(7, null, null, 1)], new(0, 1, 1, 1)),
            new("ODX", "Omgevingsdienst X", true, "robuust", 1,
                [new(1, 1, "groen", 0), new(4, 1, "groen", 0), new(7, 3, "rood", 0)], new(2, 0, 1, 0)),
        ],
        []);

    private static readonly RegisterOd[] Register =
    [
        new("ODG", "Omgevingsdienst Groningen", ["Groningen"], 11, null, null, "actief", false, [], [], [], 1),
        new("ODX", "Omgevingsdienst X", ["Zeeland"], 3, null, null, "actief", true, ["Zeeland"], [], [], 1),
    ];

    private static async Task<IDocument> RenderAsync<TComponent>(object model) where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static OverzichtModel Overzicht(string? provincie) => new(Ienw, new OverzichtFilter("2024", null, provincie), Paneel.Met(Bekend),
        Bekend.Omgevingsdiensten.Where(o => provincie is null || Register.Single(r => r.Code == o.Omgevingsdienst).Provincies.Contains(provincie)).ToList(),
        ["Groningen", "Zeeland"], null, new Dictionary<string, Rapportage>(), null);

    [Fact]
    public async Task the_matrix_shows_each_light_with_its_colour_code_and_word()
    {
        var page = await RenderAsync<Overzicht>(Overzicht(null));

        var cel = page.QuerySelector("tr[data-od=ODG] td[data-criterium='1'] .licht")!;
        Assert.Contains("licht-rood", cel.ClassList);
        Assert.Equal("3 rood", cel.TextContent.Trim());
        Assert.Equal("2 oranje", page.QuerySelector("tr[data-od=ODG] td[data-criterium='4'] .licht")!.TextContent.Trim());
        var leeg = page.QuerySelector("tr[data-od=ODG] td[data-criterium='7'] .licht")!;
        Assert.Contains("licht-geen", leeg.ClassList);
        Assert.Equal("– niet gescoord", leeg.TextContent.Trim());
        Assert.Equal("1 groen", page.QuerySelector("tr[data-od=ODX] td[data-criterium='1'] .licht")!.TextContent.Trim());
        // Each cell links to the OD, with a label that says the colour in words.
        var link = page.QuerySelector("tr[data-od=ODG] td[data-criterium='1'] a")!;
        Assert.Equal("/omgevingsdiensten/ODG#criterium-1", link.GetAttribute("href"));
        Assert.Equal("ODG criterium 1: rood", link.GetAttribute("aria-label"));
        Assert.Contains("Seveso", page.QuerySelector("tr[data-od=ODX] th")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("niet zelfstandig robuust", page.QuerySelector("tr[data-od=ODG] td")!.TextContent.Trim());
    }

    [Fact]
    public async Task the_counts_per_colour_are_those_of_the_rows_shown()
    {
        var all = await RenderAsync<Overzicht>(Overzicht(null));
        var groningen = await RenderAsync<Overzicht>(Overzicht("Groningen"));

        Assert.Equal(new[] { "2", "1", "2", "1" }, new[] { "groen", "oranje", "rood", "geen" }.Select(k => all.QuerySelector($"[data-testid=aantal-{k}]")!.TextContent));
        Assert.Equal(new[] { "0", "1", "1", "1" }, new[] { "groen", "oranje", "rood", "geen" }.Select(k => groningen.QuerySelector($"[data-testid=aantal-{k}]")!.TextContent));
        Assert.Single(groningen.QuerySelectorAll("tbody tr"));
        Assert.Equal("Groningen", groningen.QuerySelector("#provincie option[selected]")!.TextContent);
    }

    [Fact]
    public async Task every_page_says_as_of_when_and_who_is_signed_in()
    {
        var page = await RenderAsync<Overzicht>(Overzicht(null));

        Assert.Equal("1 december 2026 16:30", page.QuerySelector("[data-testid=stand-per]")!.TextContent);
        Assert.Equal("ienw", page.QuerySelector("[data-testid=gebruiker]")!.TextContent);
        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task the_budget_page_shows_each_scheme_and_its_course_per_month()
    {
        var budget = new Budget(7_000_000.00m, 130_000.00m, 104_000.00m, 0, 0, 0, 6_870_000.00m);
        var regelingen = new RegelingenLijst([new Regeling("robuustheidsbijdrage", "Robuustheidsbijdrage", "odnl", budget),
            new Regeling("fusie-opsplitsing", "Fusie of opsplitsing", "ienw", new Budget(null, 0, 0, 0, 0, 0, null))]);
        var verloop = new Dictionary<string, Paneel<Budgetverloop>>
        {
            ["robuustheidsbijdrage"] = Paneel.Met(new Budgetverloop("robuustheidsbijdrage", "maand",
            [
                new Budgetstand("2026-03", new DateOnly(2026, 3, 31), 7_000_000.00m, 100_000.00m, 80_000.00m, 0, 0, 0, 6_900_000.00m),
                new Budgetstand("2026-04", new DateOnly(2026, 4, 30), 7_000_000.00m, 130_000.00m, 104_000.00m, 0, 0, 0, 6_870_000.00m),
            ])),
            ["fusie-opsplitsing"] = Paneel.Met(new Budgetverloop("fusie-opsplitsing", "maand", [])),
        };

        var page = await RenderAsync<BudgetPagina>(new BudgetModel(Ienw, Paneel.Met(regelingen), verloop));

        var rij = page.QuerySelector("[data-testid=budget] tr[data-regeling=robuustheidsbijdrage]")!;
        Assert.Contains("6.870.000,00", rij.TextContent, StringComparison.Ordinal);
        Assert.Contains("onbekend", page.QuerySelector("[data-testid=budget] tr[data-regeling=fusie-opsplitsing]")!.TextContent, StringComparison.Ordinal);
        var maanden = page.QuerySelectorAll("[data-testid=budgetverloop][data-regeling=robuustheidsbijdrage] tbody tr").ToList();
        Assert.Equal(["2026-03", "2026-04"], maanden.Select(m => m.QuerySelector("th")!.TextContent));
        Assert.Contains("6.900.000,00", maanden[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Nog geen boekingen op deze regeling.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_panel_the_role_may_not_see_says_so_and_shows_nothing_of_it()
    {
        var fumo = new Kop(new Aanmelding("od-FUMO", "od", "FUMO"), Ienw.StandPer);
        var model = new OdModel(fumo, "ODG",
            Paneel.Met(Register[0]), Paneel.Met(new RegisterHistorie([])),
            Paneel.Met(new Beoordelingen([])),
            Paneel.Zonder<Monitoringdossier>("Geen toegang met uw rol."), [],
            Paneel.Zonder<Subsidieoverzicht>("Geen toegang met uw rol."));

        var page = await RenderAsync<OdPagina>(model);

        var meldingen = page.QuerySelectorAll(".melding").Select(m => m.TextContent).ToList();
        Assert.Contains("Monitoring: Geen toegang met uw rol.", meldingen);
        Assert.Contains("Subsidie: Geen toegang met uw rol.", meldingen);
        Assert.Null(page.QuerySelector("[data-testid=rondes]"));
        Assert.Null(page.QuerySelector("[data-testid=aanvragen]"));
        Assert.Equal("Omgevingsdienst Groningen", page.QuerySelector("[data-testid=register] dd")!.TextContent);
    }

    [Fact]
    public async Task the_map_table_colours_each_province_by_its_worst_od()
    {
        var model = new KaartModel(Ienw, "slechtste", "2024",
            [new ProvincieKleur("Groningen", "rood", ["ODG"], []), new ProvincieKleur("Zeeland", "groen", ["ODX"], ["ODX"])], null);

        var page = await RenderAsync<Kaart>(model);

        Assert.Equal("3 rood", page.QuerySelector("tr[data-provincie=Groningen] .licht")!.TextContent.Trim());
        Assert.Equal("ODX", page.QuerySelectorAll("tr[data-provincie=Zeeland] td")[2].TextContent.Trim());
        Assert.Contains("CBS / PDOK", page.QuerySelector(".bron")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"kleur\":\"#b42318\"", page.QuerySelector("#kaart")!.GetAttribute("data-provincies"), StringComparison.Ordinal);
    }
}
