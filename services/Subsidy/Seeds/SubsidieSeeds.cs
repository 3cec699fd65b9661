using System.Text.Json;
using Marten;
using RobuustOD.Domain;
using RobuustOD.HttpDefaults.Seeds;
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
public sealed class SubsidieSeeds(IConfiguration configuration, IDocumentStore store, TimeProvider clock,
    IServiceProvider services, ILogger<SubsidieSeeds> logger) : SeedsBijStart(configuration, services, logger, "subsidie")
{
    public override async Task LaadAsync(string folder, CancellationToken ct)
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
                Geladen($"regeling {code}");
            }
        }

        var sjabloon = await Lees<StelBeschikkingsjabloonVast.Verzoek>(Path.Combine(folder, "beschikkingsjabloon.json"), ct);
        var huidige = await session.HuidigAsync(ct);
        var opdracht = new StelBeschikkingsjabloonVast.Opdracht(sjabloon.Onderwerp!.Trim(), sjabloon.Sjabloon!, handeling, null);
        if (StelBeschikkingsjabloonVast.Beslis(huidige, opdracht) is not null)
        {
            await StelBeschikkingsjabloonVast.Handle(opdracht, session, ct);
            Geladen("beschikkingsjabloon");
        }
    }

    /// <summary>Each scheme as the API's PUT takes it, with its <c>code</c> beside the rules (skipped by the rules' reader).</summary>
    private sealed record RegelingenSeed(IReadOnlyList<JsonElement> Regelingen);
}
