using System.Net;
using RobuustOD.RegisterReadModel;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.TestInfrastructure;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>ODG as in the "Done when" and the seeded conversation of the letter (its own class: the seed writes ODG's data).</summary>
public sealed class OdgTests(MonitoringFixture fixture) : BijsturingTest(fixture)
{
    [Fact]
    public async Task het_ambtelijk_gesprek_uit_de_brief_en_na_onvoldoende_in_ronde_1_het_bestuurlijk_gesprek()
    {
        await using (var session = App.Store.LightweightSession())
        {
            session.Store(new OmgevingsdienstUitRegister { Id = "ODG", Naam = "Omgevingsdienst Groningen", Provincies = ["Groningen"] });
            await session.SaveChangesAsync(Ct);
        }

        // The seed waits for ODG in the register read model and then records the conversation of 20 November 2024.
        using var od = await Od("ODG");
        System.Text.Json.JsonElement gesprekken = default;
        await Eventually.UntilAsync(async () =>
        {
            gesprekken = (await (await od.GetAsync($"{Base}/gesprekken?omgevingsdienst=ODG", Ct)).AssertJsonAsync()).GetProperty("items");
            return gesprekken.GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(20), () => "the seeded conversation", Ct, 200);
        var gesprek = Assert.Single(gesprekken.EnumerateArray());
        Assert.Equal(("ambtelijk", "2024-11-20", "odg-2024-11-20-ambtelijk"),
            (gesprek.GetProperty("soort").GetString(), gesprek.GetProperty("datum").GetString(), gesprek.GetProperty("id").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gesprek.GetProperty("uitkomst").ValueKind);

        var id = await IngediendAsync("ODG");
        await (await BeoordeelAsync(id, Oordeel("onvoldoende"))).AssertJsonAsync();
        var escalatie = Assert.Single((await EscalatiesAsync("ODG", "od-ODG")).EnumerateArray());
        Assert.Equal(("ODG-voortgang1-bestuurlijkGesprek", "bestuurlijkGesprek", "open"),
            (escalatie.GetProperty("id").GetString(), escalatie.GetProperty("stap").GetString(), escalatie.GetProperty("status").GetString()));

        // A second start of the seeds appends nothing.
        var voor = await App.EventCountAsync(Ct);
        var seeds = new RobuustOD.Monitoring.Bijsturing.BijsturingSeeds(
            App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), App.Store, TimeProvider.System, App.Services,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RobuustOD.Monitoring.Bijsturing.BijsturingSeeds>.Instance);
        await seeds.StartAsync(Ct);
        await Task.Delay(500, Ct);
        await seeds.StopAsync(Ct);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await (await od.GetAsync($"{Base}/escalaties?omgevingsdienst=ODX", Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
