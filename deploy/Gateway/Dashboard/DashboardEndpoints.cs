using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Gateway.Dashboard.Pages;
using RobuustOD.Gateway.SignIn;

namespace RobuustOD.Gateway.Dashboard;

/// <summary>
/// The dashboard's pages: each endpoint reads the services' APIs with the user's token, builds its model and returns
/// a Razor component rendered on the server (static HTML; JavaScript only draws the map).
/// </summary>
public static class DashboardEndpoints
{
    public const string StandaardRonde = "2024";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient(ApiLezer.Client, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddScoped<ApiLezer>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static void MapDashboard(this WebApplication app)
    {
        var pages = app.MapGroup("").RequireAuthorization(SessionSignIn.DashboardPolicy);
        pages.MapGet("/", OverzichtAsync);
        pages.MapGet("/kaart", KaartAsync);
        pages.MapGet("/termijnen", TermijnenAsync);
        pages.MapGet("/budget", BudgetAsync);
        pages.MapGet("/omgevingsdiensten/{code}", OdAsync);
        app.MapGet(SessionSignIn.SignedOutPath, () => new RazorComponentResult<Afgemeld>()).AllowAnonymous();
    }

    private static Kop KopVan(HttpContext http, TimeProvider clock) => new(Aanmelding.Van(http.User), clock.GetUtcNow());

    internal static async Task<RazorComponentResult<Overzicht>> OverzichtAsync(
        HttpContext http, ApiLezer api, TimeProvider clock, string? ronde, string? seveso, string? provincie)
    {
        var filter = new OverzichtFilter(string.IsNullOrWhiteSpace(ronde) ? StandaardRonde : ronde.Trim(),
            seveso switch { "ja" or "true" => true, "nee" or "false" => false, _ => null },
            string.IsNullOrWhiteSpace(provincie) ? null : provincie.Trim());
        var ct = http.RequestAborted;
        var matrixTask = api.GetAsync<Matrix>("beoordeling",
            $"landelijk-overzicht?ronde={Uri.EscapeDataString(filter.Ronde)}" + (filter.Seveso is { } s ? $"&seveso={(s ? "true" : "false")}" : ""), ct);
        var registerTask = RegisterAsync(api, ct);
        var voortgangTask = LaatsteRapportagesAsync(api, ct);
        var matrix = await matrixTask;
        var (register, registerMelding) = await registerTask;
        var (voortgang, voortgangMelding) = await voortgangTask;

        var rijen = (matrix.Data?.Omgevingsdiensten ?? [])
            .Where(r => filter.Provincie is null || (register.TryGetValue(r.Omgevingsdienst, out var od) && od.Provincies.Contains(filter.Provincie)))
            .ToList();
        var provincies = register.Values.SelectMany(o => o.Provincies).Distinct().Order(StringComparer.Ordinal).ToList();
        return new RazorComponentResult<Overzicht>(new
        {
            Model = new OverzichtModel(KopVan(http, clock), filter, matrix, rijen, provincies, registerMelding, voortgang, voortgangMelding),
        });
    }

    internal static async Task<RazorComponentResult<Kaart>> KaartAsync(HttpContext http, ApiLezer api, TimeProvider clock, string? maat, string? ronde)
    {
        var gekozen = maat == "oordeel" ? "oordeel" : "slechtste";
        var r = string.IsNullOrWhiteSpace(ronde) ? StandaardRonde : ronde.Trim();
        var ct = http.RequestAborted;
        var matrixTask = api.GetAsync<Matrix>("beoordeling", $"landelijk-overzicht?ronde={Uri.EscapeDataString(r)}", ct);
        var (register, registerMelding) = await RegisterAsync(api, ct);
        var matrix = await matrixTask;
        var perOd = (matrix.Data?.Omgevingsdiensten ?? []).ToDictionary(o => o.Omgevingsdienst, StringComparer.Ordinal);
        var provincies = register.Values.SelectMany(o => o.Provincies).Distinct().Order(StringComparer.Ordinal)
            .Select(p =>
            {
                var ods = register.Values.Where(o => o.Provincies.Contains(p)).ToList();
                var kleur = Licht.Slechtste(ods.Select(o => perOd.TryGetValue(o.Code, out var rij)
                    ? gekozen == "oordeel" ? Licht.KleurVanOordeel(rij.Oordeel) : Licht.Slechtste(rij.Criteria.Select(c => c.Kleur))
                    : null));
                return new ProvincieKleur(p, kleur, ods.Select(o => o.Code).ToList(),
                    ods.Where(o => o.Seveso && o.SevesoProvincies.Contains(p)).Select(o => o.Code).ToList());
            })
            .ToList();
        var melding = registerMelding ?? matrix.Melding;
        return new RazorComponentResult<Kaart>(new { Model = new KaartModel(KopVan(http, clock), gekozen, r, provincies, melding) });
    }

    internal static async Task<RazorComponentResult<TermijnenPagina>> TermijnenAsync(HttpContext http, ApiLezer api, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var escalatiesTask = api.GetAsync<Escalaties>("monitoring", "escalaties", ct);
        var rondes = await api.GetAsync<Rondes>("monitoring", "rapportagerondes", ct);
        var perRonde = await Task.WhenAll((rondes.Data?.Rapportagerondes ?? []).Select(async r =>
            new RondeTermijnen(r, await api.GetAsync<Termijnen>("monitoring", $"rapportagerondes/{Uri.EscapeDataString(r.Id)}/termijnen", ct))));
        return new RazorComponentResult<TermijnenPagina>(new
        {
            Model = new TermijnenModel(KopVan(http, clock), rondes.Melding, perRonde, await escalatiesTask),
        });
    }

    internal static async Task<RazorComponentResult<BudgetPagina>> BudgetAsync(HttpContext http, ApiLezer api, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var regelingen = await api.GetAsync<RegelingenLijst>("subsidie", "regelingen", ct);
        // The course per month of each scheme, read side by side (the subsidy API's budgetverloop).
        var codes = regelingen.Data?.Regelingen.Select(r => r.Code).ToList() ?? [];
        var verlopen = await Task.WhenAll(codes.Select(c => api.GetAsync<Budgetverloop>("subsidie", $"regelingen/{Uri.EscapeDataString(c)}/budgetverloop?per=maand", ct)));
        return new(new { Model = new BudgetModel(KopVan(http, clock), regelingen, codes.Zip(verlopen).ToDictionary(p => p.First, p => p.Second)) });
    }

    internal static async Task<RazorComponentResult<OdPagina>> OdAsync(HttpContext http, ApiLezer api, TimeProvider clock, string code)
    {
        var ct = http.RequestAborted;
        var c = Uri.EscapeDataString(code);
        var register = api.GetAsync<RegisterOd>("register", $"omgevingsdiensten/{c}", ct);
        var historie = api.GetAsync<RegisterHistorie>("register", $"omgevingsdiensten/{c}/historie", ct);
        var beoordelingen = api.GetAsync<Beoordelingen>("beoordeling", $"beoordelingen?omgevingsdienst={c}", ct);
        var monitoring = api.GetAsync<Monitoringdossier>("monitoring", $"omgevingsdiensten/{c}", ct);
        var subsidies = api.GetAsync<Subsidieoverzicht>("subsidie", $"omgevingsdiensten/{c}", ct);
        var dossier = await monitoring;
        // Every report the dossier names that has started (a draft only when the API lets this user see it).
        var rapportages = (await Task.WhenAll((dossier.Data?.Rondes ?? [])
                .Select(r => api.GetAsync<Rapportage>("monitoring", $"voortgangsrapportages/{c}-{Uri.EscapeDataString(r.Ronde)}", ct))))
            .Where(p => p.Heeft).Select(p => p.Data!).ToList();
        return new RazorComponentResult<OdPagina>(new
        {
            Model = new OdModel(KopVan(http, clock), code, await register, await historie, await beoordelingen, dossier, rapportages, await subsidies),
        });
    }

    /// <summary>Every OD in the register today (all pages), by code; or why not.</summary>
    private static async Task<(IReadOnlyDictionary<string, RegisterOd>, string?)> RegisterAsync(ApiLezer api, CancellationToken ct)
    {
        var result = new Dictionary<string, RegisterOd>(StringComparer.Ordinal);
        for (var pagina = 1; pagina <= 10; pagina++)
        {
            var page = await api.GetAsync<RegisterPagina>("register", $"omgevingsdiensten?paginaGrootte=100&pagina={pagina}", ct);
            if (!page.Heeft)
            {
                return (result, "Register: " + page.Melding);
            }

            foreach (var od in page.Data!.Omgevingsdiensten)
            {
                result[od.Code] = od;
            }

            if (result.Count >= page.Data.Totaal || page.Data.Omgevingsdiensten.Count == 0)
            {
                break;
            }
        }

        return (result, null);
    }

    /// <summary>
    /// Per OD its latest submitted progress report: the deadlines of each round say who submitted (one call per
    /// round), then only those reports are read.
    /// </summary>
    private static async Task<(IReadOnlyDictionary<string, Rapportage>, string?)> LaatsteRapportagesAsync(ApiLezer api, CancellationToken ct)
    {
        var rondes = await api.GetAsync<Rondes>("monitoring", "rapportagerondes", ct);
        if (!rondes.Heeft)
        {
            return (new Dictionary<string, Rapportage>(), "Voortgang: " + rondes.Melding);
        }

        var laatste = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ronde in rondes.Data!.Rapportagerondes.Where(r => r.Soort == "voortgang"))
        {
            var termijnen = await api.GetAsync<Termijnen>("monitoring", $"rapportagerondes/{Uri.EscapeDataString(ronde.Id)}/termijnen", ct);
            foreach (var od in termijnen.Data?.Omgevingsdiensten.Where(o => o.IngediendOp is not null) ?? [])
            {
                laatste[od.Omgevingsdienst] = ronde.Id;
            }
        }

        var rapportages = await Task.WhenAll(laatste.Select(async x =>
            (x.Key, Rapport: await api.GetAsync<Rapportage>("monitoring", $"voortgangsrapportages/{Uri.EscapeDataString(x.Key)}-{Uri.EscapeDataString(x.Value)}", ct))));
        return (rapportages.Where(r => r.Rapport.Heeft).ToDictionary(r => r.Key, r => r.Rapport.Data!, StringComparer.Ordinal), null);
    }
}
