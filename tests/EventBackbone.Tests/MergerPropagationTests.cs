using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.TestInfrastructure;

namespace RobuustOD.EventBackbone.Tests;

public sealed class MergerPropagationTests(PostgresServer postgres, SharedIdentity identity) : IAsyncLifetime
{
    private OpenPlatform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _platform = await OpenPlatform.StartAsync(postgres, identity.Server, Ct);

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task een_voltooide_fusie_in_het_register_verschijnt_in_elke_dienst()
    {
        using var ienw = await _platform.RegistryClientAsync("ienw", Ct);
        await Scenario.FusieAsync(ienw);

        foreach (var (subscriber, _) in OpenPlatform.Subscribers)
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
