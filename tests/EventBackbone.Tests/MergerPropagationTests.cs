using System.Net;
using System.Net.Http.Json;
using RobuustOD.TestInfrastructure;

namespace RobuustOD.EventBackbone.Tests;

public sealed class MergerPropagationTests(PostgresServer postgres) : IAsyncLifetime
{
    private Platform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _platform = await Platform.StartAsync(postgres, Ct);

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task een_voltooide_fusie_in_het_register_verschijnt_in_elke_dienst()
    {
        using var ienw = await _platform.RegistryClientAsync("ienw", Ct);
        foreach (var code in new[] { "ODRA", "ODRN" })
        {
            using var registered = await ienw.PostAsJsonAsync("/register/v1/omgevingsdiensten",
                new { code, naam = $"Omgevingsdienst {code}", provincies = new[] { "Gelderland" }, opgerichtOp = "2012-11-07" }, Ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using (var seveso = await ienw.PutAsJsonAsync("/register/v1/omgevingsdiensten/ODRN/seveso-aanwijzing",
                   new { provincies = new[] { "Gelderland", "Overijssel" }, ingangsdatum = "2013-01-01" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, seveso.StatusCode);
        }

        using (var announced = await ienw.PostAsJsonAsync("/register/v1/fusies", new
               {
                   deelnemers = new[] { "ODRA", "ODRN" },
                   opvolger = new { code = "ODGM", naam = "Omgevingsdienst Groene Metropool", provincies = new[] { "Gelderland" } },
                   aangekondigdOp = "2025-01-01",
                   ingangsdatum = "2026-01-01",
               }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, announced.StatusCode);
        }

        using var completed = await ienw.PostAsync("/register/v1/fusies/ODGM/voltooiing", JsonContent.Create(new { }), Ct);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

        foreach (var (subscriber, _) in Platform.Subscribers)
        {
            var odrn = await _platform.WachtOpAsync(subscriber, "ODRN", od => od.GetProperty("status").GetString() == "opgeheven",
                TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(["ODGM"], odrn.GetProperty("opvolgers").EnumerateArray().Select(o => o.GetString()));
            Assert.False(odrn.GetProperty("seveso").GetBoolean());

            var odgm = await _platform.WachtOpAsync(subscriber, "ODGM", od => od.GetProperty("seveso").GetBoolean(), TimeSpan.FromSeconds(10), Ct);
            Assert.Equal("actief", odgm.GetProperty("status").GetString());
            Assert.Equal(["ODRA", "ODRN"], odgm.GetProperty("voorgangers").EnumerateArray().Select(o => o.GetString()));
            Assert.Equal(["Gelderland", "Overijssel"], odgm.GetProperty("sevesoProvincies").EnumerateArray().Select(o => o.GetString()));
        }
    }
}
