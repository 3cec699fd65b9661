using RobuustOD.EventBackbone.Tests.Support;
using RobuustOD.TestInfrastructure;

namespace RobuustOD.EventBackbone.Tests;

/// <summary>The standalone forwarder against a subscriber that declares bulk subscribe: pages in bulk requests, answers per entry.</summary>
public sealed partial class OnbestelbaarTests
{
    [Fact]
    public async Task een_pagina_gaat_in_bulkverzoeken_een_drop_wordt_onbestelbaar_en_na_een_retry_blijft_de_volgorde()
    {
        await using var fake = await FakeSubscriber.StartAsync(RobuustOD.Contracts.Eventing.PubSub.Topics.Register, Ct, bulkMaxMessages: 2);
        await using var registry = await RegistryAsync(fake, "bulkforwarder");
        var vasthouden = true;
        var odcPogingen = 0;
        fake.Antwoord = ce => ce.GetProperty("subject").GetString() switch
        {
            _ when Volatile.Read(ref vasthouden) => (200, "RETRY"),
            "ODB" => (200, "DROP"),
            "ODC" when Interlocked.Increment(ref odcPogingen) <= 2 => (200, "RETRY"),
            _ => (200, "SUCCESS"),
        };
        using var ienw = await registry.ClientAsync("ienw", Ct);
        foreach (var code in new[] { "ODA", "ODB", "ODC", "ODD", "ODE" })
        {
            await RegistreerAsync(ienw, code);
        }

        // Held back while the subscriber asks to retry: the later events pile up behind the checkpoint, one page.
        await fake.WachtTotAsync(o => o.Count >= 2, Timeout, Ct);
        Volatile.Write(ref vasthouden, false);
        await fake.WachtTotAsync(o => o.Any(x => x.Subject == "ODE" && x.Geaccepteerd), Timeout, Ct);

        // Each event accepted in store order, no event before one that was still to be retried; B dead-lettered once.
        var eersteAcceptatie = fake.Geaccepteerd.Select(o => o.Subject).Distinct().ToList();
        Assert.Equal(["ODA", "ODC", "ODD", "ODE"], eersteAcceptatie);
        Assert.Single(fake.Ontvangen, o => o.Subject == "ODB" && o.Status == "DROP");
        Assert.All(fake.Ontvangen, o => Assert.Equal("application/cloudevents+json", o.ContentType));
        // Several CloudEvents per request.
        Assert.True(fake.Verzoeken < fake.Ontvangen.Count, $"{fake.Verzoeken} requests for {fake.Ontvangen.Count} CloudEvents");

        await Eventually.UntilAsync(async () => (await LijstAsync(ienw)).Count > 0, Timeout, () => Task.FromResult("no dead letter"), Ct);
        var bericht = Assert.Single(await LijstAsync(ienw));
        Assert.Equal("ODB", bericht.GetProperty("onderwerp").GetString());
    }
}
