using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;

namespace RobuustOD.Assessment.Brieven;

/// <summary>
/// One version of the letter template of a round: Liquid (rendered with Fluid) that produces Markdown. Versions are
/// never changed: IenW adds a version, and the letter is rendered with the current one (older ones stay retrievable).
/// </summary>
public sealed class BriefSjabloon
{
    /// <summary><c>{ronde}.{versie}</c>, e.g. <c>2024.1</c>.</summary>
    public string Id { get; set; } = "";

    public string Ronde { get; set; } = "";

    public int Versie { get; set; }

    public string Onderwerp { get; set; } = "";

    /// <summary>The Liquid source; its output is Markdown.</summary>
    public string Sjabloon { get; set; } = "";

    public DateTimeOffset VastgesteldOp { get; set; }

    public string VastgesteldDoor { get; set; } = "";

    public static string Sleutel(string ronde, int versie) => $"{ronde}.{versie}";
}

/// <summary>Storing, finding and seeding letter templates (a new version is <see cref="StelBriefsjabloonVast"/>'s).</summary>
public static class BriefSjablonen
{
    public const string SeedActor = "seed";

    /// <summary>Registers the template document with Marten (called from Program.cs).</summary>
    public static StoreOptions Registreer(StoreOptions options)
    {
        options.Schema.For<BriefSjabloon>().Index(s => s.Ronde);
        return options;
    }

    /// <summary>All versions of a round's template, oldest first.</summary>
    public static async Task<IReadOnlyList<BriefSjabloon>> VersiesAsync(this IQuerySession session, string ronde, CancellationToken ct) =>
        [.. (await session.Query<BriefSjabloon>().Where(s => s.Ronde == ronde).ToListAsync(ct)).OrderBy(s => s.Versie)];

    /// <summary>The current (highest) version of a round's template, or null when the round has none.</summary>
    public static async Task<BriefSjabloon?> HuidigSjabloonAsync(this IQuerySession session, string ronde, CancellationToken ct) =>
        await session.VersiesAsync(ronde, ct) is { Count: > 0 } versies ? versies[^1] : null;

    private sealed record SeedBestand(string? Ronde, string? Onderwerp, string? Sjabloon);

    /// <summary>
    /// Loads <c>{seedsFolder}/beoordeling/briefsjablonen/*.json</c> (<c>ronde</c>, <c>onderwerp</c>, <c>sjabloon</c>; the
    /// file's <c>versie</c> and <c>_over</c> are informative). Idempotent: a file whose template (subject and text) is
    /// already one of the round's versions adds nothing, so restarting never reverts a version IenW set through the
    /// API; a changed file adds the next version. Throws <see cref="InvalidDataException"/> for an invalid file.
    /// </summary>
    /// <returns>The number of versions added.</returns>
    public static Task<int> LaadSeedAsync(IDocumentStore store, string seedsFolder, CancellationToken ct) =>
        LaadSeedAsync(store, seedsFolder, TimeProvider.System, ct);

    /// <inheritdoc cref="LaadSeedAsync(IDocumentStore, string, CancellationToken)"/>
    public static async Task<int> LaadSeedAsync(IDocumentStore store, string seedsFolder, TimeProvider clock, CancellationToken ct)
    {
        var map = Path.Combine(seedsFolder, "beoordeling", "briefsjablonen");
        if (!Directory.Exists(map))
        {
            return 0;
        }

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
        var toegevoegd = 0;
        foreach (var pad in Directory.GetFiles(map, "*.json").Order(StringComparer.Ordinal))
        {
            var seed = JsonSerializer.Deserialize<SeedBestand>(await File.ReadAllTextAsync(pad, ct), json)
                ?? throw new InvalidDataException($"{pad} is leeg.");
            if (!BeoordelingId.IsGeldigeRonde(seed.Ronde) || string.IsNullOrWhiteSpace(seed.Onderwerp) || string.IsNullOrWhiteSpace(seed.Sjabloon))
            {
                throw new InvalidDataException($"{pad}: 'ronde', 'onderwerp' en 'sjabloon' zijn verplicht (ronde zoals 2024).");
            }

            if (Liquid.Fout(seed.Sjabloon) is { } fout)
            {
                throw new InvalidDataException($"{pad}: het sjabloon is geen geldige Liquid: {fout}");
            }

            await using var session = store.LightweightSession();
            var versies = await session.VersiesAsync(seed.Ronde!, ct);
            var onderwerp = seed.Onderwerp.Trim();
            if (versies.Any(v => v.Sjabloon == seed.Sjabloon && v.Onderwerp == onderwerp))
            {
                continue;
            }

            // The API's own command, acting as the seed; no If-Match: the check above is the seed's own precondition.
            var opdracht = new StelBriefsjabloonVast.Opdracht(seed.Ronde!, onderwerp, seed.Sjabloon, new Handeling(SeedActor, clock.GetUtcNow()), null);
            await StelBriefsjabloonVast.Handle(opdracht, session, ct);
            toegevoegd++;
        }

        return toegevoegd;
    }
}
