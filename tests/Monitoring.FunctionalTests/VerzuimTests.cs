using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using RobuustOD.Domain;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// Overdue found by the clock, without a request: the test moves the service's clock past a due date and waits for the
/// periodic check to record it, once, on the OD's stream; moving the due date later lifts it.
/// </summary>
public sealed class VerzuimTests(KlokFixture fixture) : MonitoringTestBasis(fixture), IClassFixture<KlokFixture>
{
    private static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(20);

    private new DateOnly Vandaag => fixture.Klok.Vandaag();

    private async Task<IReadOnlyList<object>> EventsAsync(string code)
    {
        await using var session = App.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(code, token: Ct)).Select(e => e.Data)];
    }

    private Task WachtTotAsync(string code, Func<IReadOnlyList<object>, bool> voorwaarde) =>
        Eventually.UntilAsync(async () => voorwaarde(await EventsAsync(code)), Wachttijd, () => $"the events of {code} did not match", Ct);

    private async Task<string> OdAsync(DateOnly? opgehevenOp = null)
    {
        var code = "V" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var session = App.Store.LightweightSession();
        session.Store(new OmgevingsdienstUitRegister { Id = code, Naam = code, Provincies = ["Groningen"], OpgehevenOp = opgehevenOp });
        await session.SaveChangesAsync(Ct);
        return code;
    }

    private async Task TermijnAsync(string ronde, DateOnly? uiterlijk)
    {
        using var client = await Ienw();
        using var get = await client.GetAsync($"{Base}/rapportagerondes/{ronde}", Ct);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Base}/rapportagerondes/{ronde}")
        {
            Content = JsonContent.Create(new { soort = "voortgang", naam = "Testronde", periodeVan = (string?)null, periodeTot = (string?)null,
                indienenUiterlijk = uiterlijk?.ToString("yyyy-MM-dd"), formatVersie = 1 }),
        };
        put.Headers.IfMatch.Add(get.Headers.ETag!);
        await (await client.SendAsync(put, Ct)).AssertJsonAsync();
    }

    [Fact]
    public async Task een_verstreken_termijn_maakt_verzuim_eenmaal_en_een_latere_termijn_heft_het_op()
    {
        fixture.Klok.Verschuiving = TimeSpan.Zero;
        var termijn = Vandaag.AddDays(2);
        var ronde = await RondeAsync(termijn);
        var metConcept = await OdAsync();
        var zonderRapportage = await OdAsync();
        var opgeheven = await OdAsync(opgehevenOp: termijn);
        var tijdig = await OdAsync();
        var concept = await ConceptAsync(metConcept, ronde);
        await IndienenAsync(tijdig, await ConceptAsync(tijdig, ronde));

        // Before the due date nothing is overdue; the check runs every 200 ms.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.DoesNotContain(await EventsAsync(metConcept), e => e is VoortgangsrapportageVerzuimd);

        // Three days on: past the due date, without any request.
        fixture.Klok.Verschuiving = TimeSpan.FromDays(3);
        await WachtTotAsync(metConcept, e => e.OfType<VoortgangsrapportageVerzuimd>().Any(v => v.Ronde == ronde));
        await WachtTotAsync(zonderRapportage, e => e.OfType<VoortgangsrapportageVerzuimd>().Any(v => v.Ronde == ronde));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single((await EventsAsync(metConcept)).OfType<VoortgangsrapportageVerzuimd>(), v => v.Ronde == ronde);
        Assert.Equal(termijn, (await EventsAsync(zonderRapportage)).OfType<VoortgangsrapportageVerzuimd>().Single().IndienenUiterlijk);
        Assert.DoesNotContain(await EventsAsync(opgeheven), e => e is VoortgangsrapportageVerzuimd);
        Assert.DoesNotContain(await EventsAsync(tijdig), e => e is VoortgangsrapportageVerzuimd);

        var r = await RapportageAsync(metConcept, concept);
        Assert.Equal("termijnVerstreken", r.GetProperty("tijdigheid").GetProperty("status").GetString());
        Assert.Equal(1, r.GetProperty("tijdigheid").GetProperty("dagenTeLaat").GetInt32());
        Assert.Equal(termijn.ToString("yyyy-MM-dd"), r.GetProperty("verzuim").GetProperty("indienenUiterlijk").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("verzuim").GetProperty("opgehevenOp").ValueKind);

        // IenW moves the due date after the fact: the overdue is lifted (and published as such), not deleted.
        await TermijnAsync(ronde, Vandaag.AddDays(7));
        await WachtTotAsync(metConcept, e => e.OfType<VerzuimOpgeheven>().Any(v => v.Ronde == ronde));
        r = await RapportageAsync(metConcept, concept);
        Assert.Equal("nogNietVerlopen", r.GetProperty("tijdigheid").GetProperty("status").GetString());
        Assert.Contains("verschoven", r.GetProperty("verzuim").GetProperty("reden").GetString(), StringComparison.Ordinal);

        // The new due date passes too: overdue again, a new record.
        fixture.Klok.Verschuiving = TimeSpan.FromDays(11);
        await WachtTotAsync(metConcept, e => e.OfType<VoortgangsrapportageVerzuimd>().Count(v => v.Ronde == ronde) == 2);

        // Submitted now: late by the days past the current due date; the overdue stays in the history.
        var ingediend = await IndienenAsync(metConcept, concept);
        Assert.Equal("teLaat", ingediend.GetProperty("tijdigheid").GetProperty("status").GetString());
        Assert.Equal(1, ingediend.GetProperty("tijdigheid").GetProperty("dagenTeLaat").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, (await EventsAsync(metConcept)).OfType<VoortgangsrapportageVerzuimd>().Count());
        Assert.Single((await EventsAsync(metConcept)).OfType<VerzuimOpgeheven>());
        fixture.Klok.Verschuiving = TimeSpan.Zero;
    }

    [Fact]
    public async Task een_od_zonder_termijn_of_voor_de_termijn_verzuimt_niet_en_een_ander_ziet_niets()
    {
        fixture.Klok.Verschuiving = TimeSpan.Zero;
        var zonder = await RondeAsync(null);
        var code = await OdAsync();
        var concept = await ConceptAsync(code, zonder);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.DoesNotContain(await EventsAsync(code), e => e is VoortgangsrapportageVerzuimd v && v.Ronde == zonder);
        using var ander = await Od(await OdAsync());
        await (await ander.GetAsync($"{Base}/voortgangsrapportages/{concept}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
