using System.Text.Json;
using FluentValidation;
using Marten;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults;
using RobuustOD.Subsidy.Beschikkingen;
using RobuustOD.Subsidy.Features;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Seeds;

/// <summary>
/// Loads <c>{Seeds:Path}/subsidie</c> at start (when <c>Seeds:LoadOnStartup</c>): the schemes (version 1) and the
/// decision letter's template, through the same validators and commands as the API, acting as <c>seed</c>.
/// Idempotent: a scheme that exists is left as it is (its owner may have set versions since); a template whose text is
/// already the current version adds nothing.
/// </summary>
public sealed partial class SubsidieSeeds(IConfiguration configuration, IDocumentStore store, TimeProvider clock,
    IServiceProvider services, ILogger<SubsidieSeeds> logger) : IHostedService
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BuildTime.IsGeneratingOpenApi || !configuration.GetValue("Seeds:LoadOnStartup", false)
            || configuration["Seeds:Path"] is not { Length: > 0 } root)
        {
            return;
        }

        await LaadAsync(Path.Combine(root, "subsidie"), cancellationToken);
    }

    public async Task LaadAsync(string folder, CancellationToken ct)
    {
        var handeling = new Handeling("seed", clock.GetUtcNow());
        await using var session = store.LightweightSession();

        var regelingen = await Lees<RegelingenSeed>(Path.Combine(folder, "regelingen.json"), ct);
        foreach (var element in regelingen.Regelingen)
        {
            var code = element.GetProperty("code").GetString()!;
            var regels = element.Deserialize<StelRegelingVast.Verzoek>(Json)!;
            await Valideer(regels, ct);
            if (await session.Events.FetchLatest<Regeling>(Regeling.StreamKey(code), ct) is null)
            {
                await StelRegelingVast.Handle(StelRegelingVast.Opdracht.Van(code, regels, null, handeling, null), session, ct);
                LogGeladen(logger, $"regeling {code}");
            }
        }

        var sjabloon = await Lees<StelBeschikkingsjabloonVast.Verzoek>(Path.Combine(folder, "beschikkingsjabloon.json"), ct);
        var huidige = await session.HuidigAsync(ct);
        var opdracht = new StelBeschikkingsjabloonVast.Opdracht(sjabloon.Onderwerp!.Trim(), sjabloon.Sjabloon!, handeling, null);
        if (StelBeschikkingsjabloonVast.Beslis(huidige, opdracht) is not null)
        {
            await StelBeschikkingsjabloonVast.Handle(opdracht, session, ct);
            LogGeladen(logger, "beschikkingsjabloon");
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

    /// <summary>Each scheme as the API's PUT takes it, with its <c>code</c> beside the rules (skipped by the rules' reader).</summary>
    private sealed record RegelingenSeed(IReadOnlyList<JsonElement> Regelingen);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed loaded: {What}")]
    private static partial void LogGeladen(ILogger logger, string what);
}
