using System.Text.Json;
using Marten;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Seeds;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Seeds;

/// <summary>
/// Loads <c>{Seeds:Path}/monitoring</c> at start (when <c>Seeds:LoadOnStartup</c>): the format's first edition and the
/// four rounds, through the same validators and commands as the API, acting as <c>seed</c>. Idempotent: a format
/// that exists or a round that exists is left as it is (IenW may have changed it since).
/// </summary>
public sealed class MonitoringSeeds(IConfiguration configuration, IDocumentStore store, TimeProvider clock,
    IServiceProvider services, ILogger<MonitoringSeeds> logger) : SeedsBijStart(configuration, services, logger, "monitoring")
{
    public override async Task LaadAsync(string folder, CancellationToken ct)
    {
        var handeling = new Handeling("seed", clock.GetUtcNow());
        await using var session = store.LightweightSession();

        var format = await Lees<StelRapportageformatVast.Verzoek>(Path.Combine(folder, "rapportageformat.json"), ct);
        if (await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct) is null)
        {
            await StelRapportageformatVast.Handle(StelRapportageformatVast.Opdracht.Van(format, handeling, null), session, ct);
            Geladen("rapportageformat");
        }

        var rondes = await Lees<RondesSeed>(Path.Combine(folder, "rapportagerondes.json"), ct);
        foreach (var ronde in rondes.Rapportagerondes)
        {
            await Valideer(ronde, ct);
            if (await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(ronde.Id!), ct) is null)
            {
                await MaakRapportagerondeAan.Handle(MaakRapportagerondeAan.Opdracht.Van(ronde, handeling), session, ct);
                Geladen($"rapportageronde {ronde.Id}");
            }
        }
    }

    private sealed record RondesSeed(IReadOnlyList<MaakRapportagerondeAan.Verzoek> Rapportagerondes);
}
