using Marten;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Rondes;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Termijnen;

/// <summary>
/// Checks the rounds' due dates against the clock (<see cref="TimeProvider"/>, a test clock in tests) without a request
/// coming in: at start and then every <c>Monitoring:Verzuimbewaking:Interval</c> (default 1 minute; 0 turns it off).
/// Each OD stream is decided and saved on its own, so one conflict (another instance, a report submitted at that moment)
/// only postpones that OD to the next check. The events leave the service through the forwarder, once.
/// </summary>
public sealed partial class Verzuimbewaking(IDocumentStore store, TimeProvider clock, IConfiguration configuration,
    ILogger<Verzuimbewaking> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Monitoring:Verzuimbewaking:Interval", TimeSpan.FromMinutes(1));
        if (BuildTime.IsGeneratingOpenApi || interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await ControleerAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database away, a conflict: the next check tries again.
                LogMislukt(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One check of every round with a due date against every OD the register knows; returns the events appended.</summary>
    public async Task<int> ControleerAsync(CancellationToken ct)
    {
        var nu = clock.GetUtcNow();
        var vandaag = Kalender.Datum(nu);
        var handeling = new Handeling(Verzuimcontrole.Door, nu);
        await using var query = store.QuerySession();
        var rondes = await query.Query<Rapportageronde>().ToListAsync(ct);
        var ods = await query.Query<OmgevingsdienstUitRegister>().ToListAsync(ct);
        var dossiers = (await query.Query<Monitoringdossier>().ToListAsync(ct)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var codes = ods.Select(o => o.Id).Union(dossiers.Keys, StringComparer.Ordinal);
        var aantal = 0;
        foreach (var code in codes)
        {
            var od = ods.FirstOrDefault(o => o.Id == code);
            var dossier = dossiers.GetValueOrDefault(code);
            var teDoen = rondes.Where(r => Verzuimcontrole.Beslis(dossier, code, r,
                r.IndienenUiterlijk is { } t && Verzuimcontrole.Verwacht(od, t), vandaag, nu).Any()).ToList();
            if (teDoen.Count == 0)
            {
                continue;
            }

            await using var session = store.LightweightSession();
            var events = new List<object>();
            try
            {
                await session.DecideAsync<Monitoringdossier>(code, null, handeling, d =>
                {
                    events.AddRange(teDoen.SelectMany(r =>
                        Verzuimcontrole.Beslis(d, code, r, r.IndienenUiterlijk is { } t && Verzuimcontrole.Verwacht(od, t), vandaag, nu)));
                    return events;
                }, ct);
                await session.SaveChangesAsync(ct);
                aantal += events.Count;
            }
            catch (Exception ex) when (ex is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException)
            {
                // A write to this OD's stream at the same moment: decided again at the next check, on the new state.
                LogUitgesteld(logger, code);
            }
        }

        return aantal;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue check of {Code} postponed to the next check after a concurrent write")]
    private static partial void LogUitgesteld(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue check failed; retried at the next check")]
    private static partial void LogMislukt(ILogger logger, Exception ex);
}
