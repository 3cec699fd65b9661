using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The backlog per subscription (waiting deliveries and the age of the oldest), sampled by the dispatcher, with the
/// OpenTelemetry metrics (meter <c>RobuustOD.Notifications</c>) and the health check that names growing backlogs.
/// </summary>
public sealed class Achterstand : IHealthCheck, IDisposable
{
    public const string MeterNaam = "RobuustOD.Notifications";

    private readonly Meter _meter = new(MeterNaam);
    private readonly Counter<long> _pogingen;
    private readonly Histogram<double> _duur;
    private readonly TimeProvider _clock;
    private readonly IOptions<NotificatieOptions> _opties;
    private ConcurrentDictionary<string, (long Aantal, DateTimeOffset Oudste, long Vorig)> _stand = new(StringComparer.Ordinal);

    public Achterstand(TimeProvider clock, IOptions<NotificatieOptions> opties)
    {
        _clock = clock;
        _opties = opties;
        _pogingen = _meter.CreateCounter<long>("robuustod.notificaties.pogingen", description: "Afleverpogingen per abonnement en uitkomst");
        _duur = _meter.CreateHistogram<double>("robuustod.notificaties.duur", unit: "ms", description: "Duur van een afleverpoging");
        _meter.CreateObservableGauge("robuustod.notificaties.wachtend",
            () => _stand.Select(s => new Measurement<long>(s.Value.Aantal, new KeyValuePair<string, object?>("abonnement", s.Key))),
            description: "Wachtende afleveringen per abonnement");
        _meter.CreateObservableGauge("robuustod.notificaties.oudste_wachtend", () => _stand.Select(s =>
                new Measurement<double>((_clock.GetUtcNow() - s.Value.Oudste).TotalSeconds, new KeyValuePair<string, object?>("abonnement", s.Key))),
            unit: "s", description: "Leeftijd van de oudste wachtende aflevering per abonnement");
    }

    public void Poging(string abonnement, string uitkomst, long duurMs)
    {
        _pogingen.Add(1, new KeyValuePair<string, object?>("abonnement", abonnement), new KeyValuePair<string, object?>("uitkomst", uitkomst));
        _duur.Record(duurMs, new KeyValuePair<string, object?>("abonnement", abonnement));
    }

    public IReadOnlyDictionary<string, (long Aantal, DateTimeOffset Oudste, long Vorig)> Stand => _stand;

    /// <summary>Counts what waits per active subscription, straight from the store (paused ones wait on purpose).</summary>
    public async Task MeetAsync(IQuerySession session, IReadOnlySet<string> actief, CancellationToken ct)
    {
        var rijen = await session.AdvancedSql.QueryAsync<string>(
            "select json_build_object('abonnement', data->>'abonnementId', 'aantal', count(*), 'oudste', min((data->>'aangemaaktOp')::timestamptz))::text "
            + "from notificaties.mt_doc_aflevering where data->>'status' = 'wachtend' group by data->>'abonnementId'", ct);
        var vorige = _stand;
        _stand = new ConcurrentDictionary<string, (long, DateTimeOffset, long)>(
            rijen.Select(r => System.Text.Json.JsonSerializer.Deserialize<Rij>(r, Json)!).Where(r => actief.Contains(r.Abonnement)).Select(r => new KeyValuePair<string, (long, DateTimeOffset, long)>(
                r.Abonnement, (r.Aantal, r.Oudste, vorige.TryGetValue(r.Abonnement, out var v) ? v.Aantal : 0))),
            StringComparer.Ordinal);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record Rij(string Abonnement, long Aantal, DateTimeOffset Oudste);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var drempel = _opties.Value.AchterstandDrempel;
        var nu = _clock.GetUtcNow();
        var achter = _stand.Where(s => nu - s.Value.Oudste > drempel).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        if (achter.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Geen abonnement met een achterstand."));
        }

        var data = achter.ToDictionary(s => s.Key, s => (object)new
        {
            wachtend = s.Value.Aantal,
            groeit = s.Value.Aantal > s.Value.Vorig,
            oudsteSeconden = (long)(nu - s.Value.Oudste).TotalSeconds,
        });
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{achter.Count} abonnement(en) met afleveringen ouder dan {drempel}: {string.Join(", ", achter.Select(s => $"{s.Key} ({s.Value.Aantal} wachtend{(s.Value.Aantal > s.Value.Vorig ? ", groeit" : "")})"))}.",
            data: data));
    }

    public void Dispose() => _meter.Dispose();
}
