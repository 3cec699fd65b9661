using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>A restart between storing and delivering loses nothing: the deliveries are in PostgreSQL, not in memory.</summary>
public sealed class HerstartTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly DevIdentityServer _identity = new();
    private Ontvanger _ontvanger = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _ontvanger = await Ontvanger.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _ontvanger.DisposeAsync();
        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task wat_is_opgeslagen_maar_niet_afgeleverd_komt_na_een_herstart_op_volgorde_aan()
    {
        var database = await postgres.CreateDatabaseAsync("notificaties-herstart", Ct);
        var (pad, url, _) = _ontvanger.NieuwPad();
        const int Aantal = 20;
        await using (var eerste = new ServiceFactory<NotificationsService>(database, _identity,
                         NotificatiesFixture.Instellingen(_ontvanger, new() { ["Notificaties:Bezorgen"] = "false" })))
        {
            using var client = await eerste.ClientAsync("ipo", Ct);
            var aangemaakt = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/notificaties/v1/abonnementen",
                new { sink = url, types = new[] { "register" }, contact = "c@example.nl" }, Ct)).AssertJsonAsync(System.Net.HttpStatusCode.Created);
            Assert.Equal("actief", aangemaakt.GetProperty("abonnement").GetProperty("status").GetString());
            using var sidecar = eerste.SidecarClient();
            for (var i = 0; i < Aantal; i++)
            {
                var ce = new
                {
                    specversion = "1.0", id = Guid.NewGuid().ToString(), source = "urn:nld:oin:00000000000000000000:systeem:robuustod-register",
                    type = "nl.robuustod.register.omgevingsdienst-gewijzigd.v1", subject = "ODH", datacontenttype = "application/json",
                    data = new { code = "ODH", naam = $"n{i:D2}", provincies = new[] { "Utrecht" }, aantalDeelnemers = (int?)null },
                };
                using var content = System.Net.Http.Json.JsonContent.Create(ce, new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json"));
                (await sidecar.PostAsync("/events/register", content, Ct)).EnsureSuccessStatusCode();
            }

            await Task.Delay(300, Ct);
            Assert.Empty(_ontvanger.Van(pad));
        }

        await using var tweede = new ServiceFactory<NotificationsService>(database, _identity, NotificatiesFixture.Instellingen(_ontvanger));
        _ = tweede.Server;
        await Eventually.UntilAsync(() => _ontvanger.Van(pad).Count >= Aantal, TimeSpan.FromSeconds(20), () => $"{_ontvanger.Van(pad).Count} of {Aantal}", Ct);
        Assert.Equal(Enumerable.Range(0, Aantal).Select(i => $"n{i:D2}"), _ontvanger.Van(pad).Select(o => o.Naam));
    }
}
