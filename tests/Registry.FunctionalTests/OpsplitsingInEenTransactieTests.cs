using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// A split is one transaction. Regression: it used to save the OD's dissolution first and the opvolgers second, so an
/// opvolger code taken in between left the OD dissolved without opvolgers, and the split already in the event store
/// (where the forwarder publishes it from).
/// </summary>
public sealed class OpsplitsingInEenTransactieTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    [Fact]
    public async Task een_opvolgercode_die_pas_bij_het_opslaan_bezet_blijkt_laat_de_dienst_ongemoeid_en_publiceert_niets()
    {
        var code = await RegistreerAsync(provincie: "Fryslân");
        var noord = NieuweCode("N");
        var zuid = NieuweCode("Z");
        var race = new OpvolgerWordtTegelijkGeregistreerd(code, zuid);
        // The same registry on the same database, with a listener that registers 'zuid' from another session
        // after the split has checked its opvolgers and before its changes reach the database.
        await using var app = App.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.ConfigureMarten(options => options.Listeners.Add(race))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await App.Identity.AuthorizeAsync(client, "ienw", Ct);

        using var response = await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/opsplitsing", new
        {
            opvolgers = new[]
            {
                new { code = noord, naam = "OD Noord", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
                new { code = zuid, naam = "OD Zuid", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
            },
            ingangsdatum = "2027-01-01",
            sevesoOpvolger = (string?)null,
        }, Ct);

        Assert.True(race.IsGebeurd, "the listener never registered the opvolger: the race did not happen");
        await response.AssertProblemAsync(HttpStatusCode.Conflict);

        await using var session = App.Store.QuerySession();
        var stroom = await session.Events.FetchStreamAsync(code, token: Ct);
        Assert.Equal([typeof(OmgevingsdienstGeregistreerd)], stroom.Select(e => e.EventType));
        var od = await GetJsonAsync($"{Base}/omgevingsdiensten/{code}?peildatum=2027-01-01");
        Assert.Equal("actief", od.GetProperty("status").GetString());
        Assert.Equal(1, od.GetProperty("versie").GetInt64());
        Assert.Empty(od.GetProperty("opvolgers").EnumerateArray());

        // Nothing of the split is stored, so the forwarder has nothing to publish.
        var splitsingen = await session.Events.QueryRawEventDataOnly<Opgesplitst>().ToListAsync(Ct);
        Assert.DoesNotContain(splitsingen, s => s.Opvolgers.Contains(noord) || s.Opvolgers.Contains(zuid));
        Assert.Empty(await session.Events.FetchStreamAsync(noord, token: Ct));
        var anders = Assert.Single(await session.Events.FetchStreamAsync(zuid, token: Ct));
        Assert.Equal("Iemand anders", ((OmgevingsdienstGeregistreerd)anders.Data).Naam);
    }

    /// <summary>Once, on the save that writes the split OD's stream: registers the opvolger in a session of its own.</summary>
    private sealed class OpvolgerWordtTegelijkGeregistreerd(string gesplitst, string opvolger) : DocumentSessionListenerBase
    {
        private int _gebeurd;

        public bool IsGebeurd => Volatile.Read(ref _gebeurd) == 1;

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            if (!session.PendingChanges.Streams().Any(s => s.Key == gesplitst) || Interlocked.Exchange(ref _gebeurd, 1) == 1)
            {
                return;
            }

            await using var ander = session.DocumentStore.LightweightSession();
            ander.LastModifiedBy = "iemand-anders";
            ander.Events.StartStream<Omgevingsdienst>(opvolger,
                new OmgevingsdienstGeregistreerd(opvolger, "Iemand anders", ["Fryslân"], 1, new DateOnly(2020, 1, 1), []));
            await ander.SaveChangesAsync(token);
        }
    }
}
