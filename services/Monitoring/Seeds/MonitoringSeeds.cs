using System.Text.Json;
using FluentValidation;
using Marten;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Format;
using RobuustOD.Monitoring.Rondes;

namespace RobuustOD.Monitoring.Seeds;

/// <summary>
/// Loads <c>{Seeds:Path}/monitoring</c> at start (when <c>Seeds:LoadOnStartup</c>): the format's first edition and the
/// four rounds, through the same validators and commands as the API, acting as <c>seed</c>. Idempotent: a format
/// that exists or a round that exists is left as it is (IenW may have changed it since).
/// </summary>
public sealed partial class MonitoringSeeds(IConfiguration configuration, IDocumentStore store, TimeProvider clock,
    IServiceProvider services, ILogger<MonitoringSeeds> logger) : IHostedService
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BuildTime.IsGeneratingOpenApi || !configuration.GetValue("Seeds:LoadOnStartup", false)
            || configuration["Seeds:Path"] is not { Length: > 0 } root)
        {
            return;
        }

        await LaadAsync(Path.Combine(root, "monitoring"), cancellationToken);
    }

    public async Task LaadAsync(string folder, CancellationToken ct)
    {
        var handeling = new Handeling("seed", clock.GetUtcNow());
        await using var session = store.LightweightSession();

        var format = await Lees<StelRapportageformatVast.Verzoek>(Path.Combine(folder, "rapportageformat.json"), ct);
        if (await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct) is null)
        {
            await StelRapportageformatVast.Handle(StelRapportageformatVast.Opdracht.Van(format, handeling, null), session, ct);
            LogGeladen(logger, "rapportageformat");
        }

        var rondes = await Lees<RondesSeed>(Path.Combine(folder, "rapportagerondes.json"), ct);
        foreach (var ronde in rondes.Rapportagerondes)
        {
            await Valideer(ronde, ct);
            if (await session.Events.FetchLatest<Rapportageronde>(Rapportageronde.StreamKey(ronde.Id!), ct) is null)
            {
                await MaakRapportagerondeAan.Handle(MaakRapportagerondeAan.Opdracht.Van(ronde, handeling), session, ct);
                LogGeladen(logger, $"rapportageronde {ronde.Id}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<T> Lees<T>(string file, CancellationToken ct)
        where T : class
    {
        await using var stream = File.OpenRead(file);
        var value = await JsonSerializer.DeserializeAsync<T>(stream, Json, ct)
            ?? throw new InvalidOperationException($"Seed {file} is empty.");
        await Valideer(value, ct);
        return value;
    }

    private async Task Valideer<T>(T value, CancellationToken ct)
    {
        if (services.GetService<IValidator<T>>() is { } validator)
        {
            var result = await validator.ValidateAsync(value, ct);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"Seed {typeof(T).Name} is invalid: {result}");
            }
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

    private sealed record RondesSeed(IReadOnlyList<MaakRapportagerondeAan.Verzoek> Rapportagerondes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed loaded: {What}")]
    private static partial void LogGeladen(ILogger logger, string what);
}
