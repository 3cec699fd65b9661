using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using RobuustOD.Registry.Omgevingsdiensten;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// OD codes are unique regardless of case and kept as registered. Regression: <c>odg</c> was accepted next to
/// <c>ODG</c> (a second stream, a second <c>od-odg</c> client), by registration, by a split and by a merger.
/// </summary>
public sealed class HoofdlettersTests(RegistryFixture fixture) : RegistryTest(fixture)
{
    /// <summary>A mixed-case code like ODVeluwe, unique per call.</summary>
    private static string GemengdeCode() => "ODVeluwe" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private async Task<HttpResponseMessage> PostRegistratieAsync(HttpClient client, string code, string naam = "Andere schrijfwijze") =>
        await client.PostAsJsonAsync($"{Base}/omgevingsdiensten",
            new { code, naam, provincies = new[] { "Utrecht" }, aantalDeelnemers = 3, opgerichtOp = "2016-01-01" }, Ct);

    [Theory]
    [InlineData("lower")]
    [InlineData("upper")]
    public async Task een_code_die_alleen_in_hoofdletters_verschilt_geeft_409_op_code_en_verandert_niets(string schrijfwijze)
    {
        var code = await RegistreerAsync(GemengdeCode());
        var anders = schrijfwijze == "lower" ? code.ToLowerInvariant() : code.ToUpperInvariant();
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();

        using var response = await PostRegistratieAsync(client, anders);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt("code");
        Assert.Contains(code, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await using var session = App.Store.QuerySession();
        Assert.Empty(await session.Events.FetchStreamAsync(anders, token: Ct));
    }

    [Fact]
    public async Task een_gemengde_code_blijft_zoals_hij_is_geregistreerd()
    {
        // Not normalised: ODVeluwe's stream key, URL and history stay ODVeluwe.
        var code = await RegistreerAsync(GemengdeCode());

        Assert.Equal(code, (await GetJsonAsync($"{Base}/omgevingsdiensten/{code}")).GetProperty("code").GetString());
        await using var session = App.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(code, token: Ct));
    }

    [Fact]
    public async Task opvragen_met_een_andere_schrijfwijze_geeft_404_die_de_juiste_code_noemt()
    {
        var code = await RegistreerAsync(GemengdeCode());
        using var client = await Anoniem();

        foreach (var url in new[] { $"{Base}/omgevingsdiensten/{code.ToLowerInvariant()}", $"{Base}/omgevingsdiensten/{code.ToUpperInvariant()}/historie" })
        {
            using var response = await client.GetAsync(url, Ct);
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Contains($"'{code}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task een_andere_schrijfwijze_die_na_de_controle_wordt_opgeslagen_laat_de_database_weigeren()
    {
        // Check-then-act is not enough: a listener registers the upper-case code from another session after the
        // lower-case registration has checked and before it saves. The unique index on upper(id) must refuse it.
        var code = NieuweCode("R");
        var race = new AndereSchrijfwijzeWordtTegelijkGeregistreerd(code.ToLowerInvariant(), code);
        await using var app = App.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.ConfigureMarten(options => options.Listeners.Add(race))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await App.Identity.AuthorizeAsync(client, "ienw", Ct);

        using var response = await PostRegistratieAsync(client, code.ToLowerInvariant());

        Assert.True(race.IsGebeurd, "the listener never registered the other spelling: the race did not happen");
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await using var session = App.Store.QuerySession();
        Assert.Empty(await session.Events.FetchStreamAsync(code.ToLowerInvariant(), token: Ct));
        Assert.Single(await session.Events.FetchStreamAsync(code, token: Ct));
    }

    [Fact]
    public async Task twee_gelijktijdige_registraties_die_alleen_in_hoofdletters_verschillen_leveren_een_201_en_een_409()
    {
        for (var ronde = 0; ronde < 10; ronde++)
        {
            var code = NieuweCode("X");
            using var a = await Ienw();
            using var b = await Ienw();

            var responses = await Task.WhenAll(PostRegistratieAsync(a, code.ToLowerInvariant(), "Klein"), PostRegistratieAsync(b, code, "Groot"));
            try
            {
                var statussen = responses.Select(r => (int)r.StatusCode).OrderBy(s => s).ToList();
                Assert.True(statussen.SequenceEqual([201, 409]), $"round {ronde}: expected 201 and 409, got {string.Join(", ", statussen)}");
                await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);

                await using var session = App.Store.QuerySession();
                var streams = (await session.Events.FetchStreamAsync(code.ToLowerInvariant(), token: Ct)).Count
                    + (await session.Events.FetchStreamAsync(code, token: Ct)).Count;
                Assert.Equal(1, streams);
            }
            finally
            {
                foreach (var response in responses)
                {
                    response.Dispose();
                }
            }
        }
    }

    [Fact]
    public async Task een_opvolger_bij_opsplitsing_die_alleen_in_hoofdletters_verschilt_van_een_bestaande_geeft_409_op_zijn_code()
    {
        var code = await RegistreerAsync(provincie: "Fryslân");
        var bestaand = await RegistreerAsync(GemengdeCode(), provincie: "Fryslân");
        var voor = await App.EventCountAsync(Ct);

        using var response = await SplitsOpAsync(code, NieuweCode("N"), bestaand.ToUpperInvariant());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt("opvolgers[1].code");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task twee_opvolgers_die_alleen_in_hoofdletters_verschillen_geven_400_op_de_tweede()
    {
        var code = await RegistreerAsync(provincie: "Fryslân");
        var opvolger = NieuweCode("N");
        var voor = await App.EventCountAsync(Ct);

        using var response = await SplitsOpAsync(code, opvolger, opvolger.ToLowerInvariant());

        await response.AssertOngeldigAsync("opvolgers[1].code");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await using var session = App.Store.QuerySession();
        Assert.Empty(await session.Events.FetchStreamAsync(opvolger, token: Ct));
    }

    [Fact]
    public async Task een_fusieopvolger_die_alleen_in_hoofdletters_verschilt_van_een_bestaande_geeft_409_op_zijn_code()
    {
        var a = await RegistreerAsync(provincie: "Gelderland");
        var b = await RegistreerAsync(provincie: "Gelderland");
        var bestaand = await RegistreerAsync(GemengdeCode(), provincie: "Gelderland");
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([a, b], bestaand.ToLowerInvariant());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt("opvolger.code");
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusieopvolger_die_alleen_in_hoofdletters_verschilt_van_een_aangekondigde_geeft_409_op_zijn_code()
    {
        var opvolger = NieuweCode("F");
        using (var eerste = await KondigFusieAanAsync([await RegistreerAsync(provincie: "Gelderland"), await RegistreerAsync(provincie: "Gelderland")], opvolger))
        {
            Assert.Equal(HttpStatusCode.Created, eerste.StatusCode);
        }

        var c = await RegistreerAsync(provincie: "Gelderland");
        var d = await RegistreerAsync(provincie: "Gelderland");
        var voor = await App.EventCountAsync(Ct);

        using var response = await KondigFusieAanAsync([c, d], opvolger.ToLowerInvariant());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        problem.AssertNoemt("opvolger.code");
        Assert.Contains(opvolger, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
    }

    [Fact]
    public async Task een_fusie_voltooien_naar_een_code_die_intussen_anders_geschreven_bestaat_geeft_409_en_heft_niets_op()
    {
        // The announcement passed; since then the opvolger's code was registered in other case. The opvolger's
        // stream start must fail on the unique index, and with it the whole merger.
        var a = await RegistreerAsync(provincie: "Gelderland");
        var b = await RegistreerAsync(provincie: "Gelderland");
        var opvolger = NieuweCode("F");
        using (var aangekondigd = await KondigFusieAanAsync([a, b], opvolger))
        {
            Assert.Equal(HttpStatusCode.Created, aangekondigd.StatusCode);
        }

        await RegistreerAsync(opvolger.ToLowerInvariant(), provincie: "Gelderland");
        var voor = await App.EventCountAsync(Ct);
        using var client = await Ienw();

        using var response = await client.PostAsJsonAsync($"{Base}/fusies/{opvolger}/voltooiing", new { }, Ct);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(voor, await App.EventCountAsync(Ct));
        await using var session = App.Store.QuerySession();
        Assert.Empty(await session.Events.FetchStreamAsync(opvolger, token: Ct));
        Assert.Equal("aangekondigd", (await GetJsonAsync($"{Base}/fusies/{opvolger}")).GetProperty("status").GetString());
    }

    private async Task<HttpResponseMessage> SplitsOpAsync(string code, string noord, string zuid)
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync($"{Base}/omgevingsdiensten/{code}/opsplitsing", new
        {
            opvolgers = new[]
            {
                new { code = noord, naam = "OD Noord", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
                new { code = zuid, naam = "OD Zuid", provincies = new[] { "Fryslân" }, aantalDeelnemers = 9 },
            },
            ingangsdatum = "2027-01-01",
            sevesoOpvolger = (string?)null,
        }, Ct);
    }

    private async Task<HttpResponseMessage> KondigFusieAanAsync(string[] deelnemers, string opvolger)
    {
        using var client = await Ienw();
        return await client.PostAsJsonAsync($"{Base}/fusies", new
        {
            deelnemers,
            opvolger = new { code = opvolger, naam = $"Omgevingsdienst {opvolger}", provincies = new[] { "Gelderland" }, aantalDeelnemers = 16 },
            ingangsdatum = "2026-01-01",
            aangekondigdOp = "2025-03-01",
        }, Ct);
    }

    /// <summary>Once, on the save that starts <paramref name="nieuw"/>'s stream: registers <paramref name="anders"/> in a session of its own.</summary>
    private sealed class AndereSchrijfwijzeWordtTegelijkGeregistreerd(string nieuw, string anders) : DocumentSessionListenerBase
    {
        private int _gebeurd;

        public bool IsGebeurd => Volatile.Read(ref _gebeurd) == 1;

        public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            if (!session.PendingChanges.Streams().Any(s => s.Key == nieuw) || Interlocked.Exchange(ref _gebeurd, 1) == 1)
            {
                return;
            }

            await using var ander = session.DocumentStore.LightweightSession();
            ander.LastModifiedBy = "iemand-anders";
            ander.Events.StartStream<Omgevingsdienst>(anders,
                new OmgevingsdienstGeregistreerd(anders, "Iemand anders", ["Utrecht"], 1, new DateOnly(2020, 1, 1), []));
            await ander.SaveChangesAsync(token);
        }
    }
}
