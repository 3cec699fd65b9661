using System.Net;

namespace RobuustOD.Subsidy.FunctionalTests;

public sealed class ZoekTests(SubsidyFixture fixture) : SubsidyTest(fixture)
{
    [Fact]
    public async Task aanvragen_filteren_op_regeling_od_en_status_en_exporteren()
    {
        var od = await BekendeOdAsync();
        var concept = await ConceptAsync($"od-{od}", Aanvraag(Robuust, od, [100.00m]));
        var ingediend = await IngediendAsync(od, Robuust, 200.00m);
        var verleend = await IngediendAsync(od, Robuust, 300.00m);
        await (await PostAsync("odnl", $"/aanvragen/{verleend}/besluit", new { uitkomst = "verleend", bedrag = 250.00m, motivering = "Deels." })).AssertJsonAsync();

        string[] Ids(System.Text.Json.JsonElement lijst) => [.. lijst.GetProperty("aanvragen").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];
        Assert.Equal([concept, ingediend, verleend], Ids(await GetAsync($"od-{od}", $"/aanvragen?omgevingsdienst={od}")));
        Assert.Equal([ingediend], Ids(await GetAsync("odnl", $"/aanvragen?omgevingsdienst={od}&status=ingediend&regeling={Robuust}")));
        Assert.Equal([verleend], Ids(await GetAsync("ienw", $"/aanvragen?omgevingsdienst={od}&status=verleend")));
        Assert.Empty(Ids(await GetAsync("odnl", $"/aanvragen?omgevingsdienst={od}&regeling={Fusie}")));
        using (var client = await Client("odnl"))
        {
            await (await client.GetAsync($"{Base}/aanvragen?status=misschien", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
            await (await client.GetAsync($"{Base}/aanvragen?omgevingsdienst=x%0A", Ct)).AssertOngeldigAsync("omgevingsdienst");

            var verleningen = await client.GetStringAsync($"{Base}/exporten/verleningen?omgevingsdienst={od}", Ct);
            Assert.Contains($"{verleend};{Robuust};{od};1;Activiteit 1;7;300.00;250.00;", verleningen);
            Assert.DoesNotContain(ingediend, verleningen);
            var betalingen = await client.GetStringAsync($"{Base}/exporten/betalingen?omgevingsdienst={od}", Ct);
            Assert.StartsWith("\uFEFFaanvraag;regeling;omgevingsdienst;soort;bedrag;op", betalingen);
        }
    }
}
