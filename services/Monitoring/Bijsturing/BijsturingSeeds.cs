using System.Text.Json;
using FluentValidation;
using JasperFx;
using Marten;
using Npgsql;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Features;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>
/// Loads the judgement and escalation seeds from <c>{Seeds:Path}/monitoring</c> (when <c>Seeds:LoadOnStartup</c>), through
/// the validators and commands of the API, acting as <c>seed</c>; what exists is left as it is, so a second start appends
/// nothing. The outcome categories and the rules load at start (after the rounds, which the rules name); the conversations
/// wait until the register's events have told this service about their ODs, trying again every two seconds.
/// </summary>
public sealed partial class BijsturingSeeds(IConfiguration configuration, IDocumentStore store, TimeProvider clock,
    IServiceProvider services, ILogger<BijsturingSeeds> logger) : BackgroundService
{
    public static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = CreateJson();

    private string? _folder;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BuildTime.IsGeneratingOpenApi || !configuration.GetValue("Seeds:LoadOnStartup", false)
            || configuration["Seeds:Path"] is not { Length: > 0 } root)
        {
            return;
        }

        _folder = Path.Combine(root, "monitoring");
        var handeling = new Handeling("seed", clock.GetUtcNow());
        await using var session = store.LightweightSession();
        if (await session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, cancellationToken) is null)
        {
            var verzoek = await Lees<StelUitkomstcategorieenVast.Verzoek>("uitkomstcategorieen.json", cancellationToken);
            await StelUitkomstcategorieenVast.Handle(StelUitkomstcategorieenVast.Opdracht.Van(verzoek, handeling, null), session, cancellationToken);
            LogGeladen(logger, "uitkomstcategorieen");
        }

        if (await session.Events.FetchLatest<Escalatieregels>(Escalatieregels.StreamKey, cancellationToken) is null)
        {
            var verzoek = await Lees<StelEscalatieregelsVast.Verzoek>("escalatieregels.json", cancellationToken);
            await StelEscalatieregelsVast.Handle(StelEscalatieregelsVast.Opdracht.Van(verzoek, handeling, null), session, cancellationToken);
            LogGeladen(logger, "escalatieregels");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_folder is null)
        {
            return;
        }

        await Task.Yield();
        var wachtend = (await Lees<GesprekkenSeed>("gesprekken.json", stoppingToken)).Gesprekken.ToList();
        while (wachtend.Count > 0)
        {
            foreach (var gesprek in wachtend.ToList())
            {
                if (await ProbeerAsync(gesprek, stoppingToken))
                {
                    wachtend.Remove(gesprek);
                }
            }

            if (wachtend.Count > 0)
            {
                await Task.Delay(Wachttijd, clock, stoppingToken);
            }
        }
    }

    /// <returns>True when done with this conversation (loaded, there already, or refused for good); false to try again.</returns>
    private async Task<bool> ProbeerAsync(GesprekSeed gesprek, CancellationToken ct)
    {
        try
        {
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(Gesprek.StreamKey(gesprek.Id), ct) is not null)
            {
                return true;
            }

            var onbekend = await LegGesprekVast.OnbekendAsync(session, gesprek.Verzoek.Omgevingsdiensten ?? [], ct);
            if (onbekend.Count > 0)
            {
                return false;
            }

            await LegGesprekVast.Handle(LegGesprekVast.Opdracht.Van(gesprek.Id, gesprek.Verzoek, new Handeling("seed", clock.GetUtcNow())), session, ct);
            LogGeladen(logger, $"gesprek {gesprek.Id}");
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException { IsTransient: true } or ConcurrencyException or TimeoutException)
        {
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Refused by the API's rules: trying again would not help, and a seed must not stop the service.
            LogMislukt(logger, ex, gesprek.Id);
            return true;
        }
    }

    private async Task<T> Lees<T>(string file, CancellationToken ct)
        where T : class
    {
        await using var stream = File.OpenRead(Path.Combine(_folder!, file));
        var value = await JsonSerializer.DeserializeAsync<T>(stream, Json, ct) ?? throw new InvalidOperationException($"Seed {file} is empty.");
        if (value is GesprekkenSeed gesprekken)
        {
            foreach (var g in gesprekken.Gesprekken)
            {
                await Valideer(g.Verzoek, file, ct);
            }
        }
        else
        {
            await Valideer(value, file, ct);
        }

        return value;
    }

    private async Task Valideer<T>(T value, string file, CancellationToken ct)
    {
        if (services.GetService<IValidator<T>>() is { } validator && await validator.ValidateAsync(value, ct) is { IsValid: false } result)
        {
            throw new InvalidOperationException($"Seed {file} is invalid: {result}");
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions();
        Extensions.ConfigureJson(json);
        // The seed files carry their provenance in "_over".
        json.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return json;
    }

    private sealed record GesprekSeed(string Id, LegGesprekVast.Verzoek Verzoek);

    private sealed record GesprekkenSeed(IReadOnlyList<GesprekSeed> Gesprekken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed loaded: {What}")]
    private static partial void LogGeladen(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed conversation {Id} was refused")]
    private static partial void LogMislukt(ILogger logger, Exception ex, string id);
}
