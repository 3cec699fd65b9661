using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// The second snapshot of an OD's stream is built by Marten also when the stream starts with an event it has no
/// <c>Create</c> for (the report side adds such events, e.g. an overdue that starts the stream).
/// </summary>
public sealed class BijsturingsdossierTests(MonitoringFixture fixture) : MonitoringTest(fixture)
{
    [Fact]
    public async Task een_stroom_die_met_een_ander_event_begint_geeft_toch_het_dossier()
    {
        var code = "TS" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var session = App.Store.LightweightSession())
        {
            // Neither snapshot has a Create for this event: Marten must build both from their constructors.
            session.Events.StartStream(code, new RapportagerondeAangemaakt("onbekend", RondeSoort.Voortgang, "x", null, null, null, 1));
            await session.SaveChangesAsync(Ct);
        }

        await using (var session = App.Store.LightweightSession())
        {
            session.Events.Append(code, new VoortgangsrapportageAangemaakt(code, "voortgang1", 1), new VoortgangsrapportageIngediend("voortgang1", null, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(Ct);
        }

        await using var query = App.Store.LightweightSession();
        var dossier = await query.Events.FetchLatest<Bijsturingsdossier>(code, Ct);
        Assert.NotNull(dossier);
        Assert.Equal(code, dossier.Id);
        Assert.True(dossier.Rapportages["voortgang1"]);
        Assert.Empty(dossier.Escalaties);
    }
}
