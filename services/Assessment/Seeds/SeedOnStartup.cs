using JasperFx;
using Npgsql;

namespace RobuustOD.Assessment.Seeds;

/// <summary>
/// The plans of approach need their ODs in the register read model, which the registry fills by publishing its own
/// seeds to this service. Until they have arrived, each assessment waits and is tried again every two seconds.
/// </summary>
internal sealed partial class SeedOnStartup(BeoordelingSeedImporter importer, Marten.IDocumentStore store, IConfiguration configuration,
    TimeProvider clock, ILogger<SeedOnStartup> logger) : BackgroundService
{
    public static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(2);

    private BeoordelingSeed _seed = null!;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = configuration["Seeds:Path"]
            ?? throw new InvalidOperationException("Seeds:LoadOnStartup is set but Seeds:Path is not.");
        _seed = BeoordelingSeed.Lees(folder);
        await importer.ImportCatalogusAsync(_seed.Criteria, cancellationToken);
        await Brieven.BriefSjablonen.LaadSeedAsync(store, folder, clock, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var wachtend = _seed.Beoordelingen.ToList();
        while (wachtend.Count > 0)
        {
            foreach (var beoordeling in wachtend.ToList())
            {
                if (await ProbeerAsync(beoordeling, stoppingToken))
                {
                    wachtend.Remove(beoordeling);
                }
            }

            if (wachtend.Count > 0)
            {
                await Task.Delay(Wachttijd, clock, stoppingToken);
            }
        }
    }

    /// <returns>True when done with this assessment (loaded, or failed for good); false to try again.</returns>
    private async Task<bool> ProbeerAsync(BeoordelingSeed.Beoordeling beoordeling, CancellationToken ct)
    {
        try
        {
            var onbekend = await importer.OnbekendeOmgevingsdienstenAsync(beoordeling, ct);
            if (onbekend.Count > 0)
            {
                LogWacht(logger, beoordeling.Id, string.Join(", ", onbekend), Wachttijd.TotalSeconds);
                return false;
            }

            await importer.ImportBeoordelingAsync(beoordeling, ct);
            return true;
        }
        catch (Exception ex) when (IsVoorbijgaand(ex))
        {
            // The database is not reachable (yet), or another instance seeds at the same time: the next round skips what is done.
            LogOpnieuw(logger, beoordeling.Id, ex.Message, Wachttijd.TotalSeconds);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Refused by the API's rules (or worse): trying again would not help, and a seed must not stop the service.
            LogMislukt(logger, ex, beoordeling.Id);
            return true;
        }
    }

    private static bool IsVoorbijgaand(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } or ConcurrencyException or TimeoutException => true,
        _ => ex.InnerException is { } inner && IsVoorbijgaand(inner),
    };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Assessment seed {Id} waits for the register: {Codes} not known here yet; trying again in {Seconds} s")]
    private static partial void LogWacht(ILogger logger, string id, string codes, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Assessment seed {Id} failed for now ({Reason}); trying again in {Seconds} s")]
    private static partial void LogOpnieuw(ILogger logger, string id, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Assessment seed {Id} was refused and is skipped")]
    private static partial void LogMislukt(ILogger logger, Exception exception, string id);
}
