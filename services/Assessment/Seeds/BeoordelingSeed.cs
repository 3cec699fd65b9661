using System.Text.Json;
using System.Text.Json.Serialization;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;

namespace RobuustOD.Assessment.Seeds;

/// <summary>
/// The assessment seeds (<c>seeds/beoordeling</c>) in the shape of the API's own requests, so that the API's validators
/// check them: the criteria catalogue (<c>criteria.json</c>) and one file per assessment (<c>beoordelingen/*.json</c>:
/// plan of approach, rows, verdict).
/// </summary>
public sealed record BeoordelingSeed(IReadOnlyList<VoegCriteriumToe.Verzoek> Criteria, IReadOnlyList<BeoordelingSeed.Beoordeling> Beoordelingen)
{
    /// <summary>Reads <c>beoordeling/criteria.json</c> and every <c>beoordeling/beoordelingen/*.json</c> (by file name) under <paramref name="seedsFolder"/>.</summary>
    public static BeoordelingSeed Lees(string seedsFolder)
    {
        var folder = Path.Combine(seedsFolder, "beoordeling");
        var catalogus = LeesBestand<Catalogus>(Path.Combine(folder, "criteria.json"));
        var beoordelingen = Directory.Exists(Path.Combine(folder, "beoordelingen"))
            ? Directory.GetFiles(Path.Combine(folder, "beoordelingen"), "*.json").Order(StringComparer.Ordinal).Select(LeesBestand<Beoordeling>).ToList()
            : [];
        return new BeoordelingSeed(catalogus.Criteria, beoordelingen);
    }

    /// <summary>Only the catalogue (<c>beoordeling/criteria.json</c>).</summary>
    public static BeoordelingSeed LeesCatalogus(string seedsFolder) =>
        new(LeesBestand<Catalogus>(Path.Combine(seedsFolder, "beoordeling", "criteria.json")).Criteria, []);

    /// <summary>The shape of <c>criteria.json</c>; <c>_over</c> says where the data comes from.</summary>
    public sealed record Catalogus(IReadOnlyList<VoegCriteriumToe.Verzoek> Criteria, [property: JsonPropertyName("_over")] string? Over = null);

    /// <summary>One OD's assessment in one round, as published: the annex rows in order, then the verdict.</summary>
    public sealed record Beoordeling(
        string Omgevingsdienst,
        string Ronde,
        string? Geadresseerde,
        Plan PlanVanAanpak,
        Oordeel? Oordeel,
        IReadOnlyList<string> Tekortkomingen,
        DateOnly? GesprekOp,
        string? Opmerkingen,
        IReadOnlyList<Rij> Criteria,
        [property: JsonPropertyName("_over")] string? Over = null)
    {
        public string Id => BeoordelingId.Van(Omgevingsdienst, Ronde);

        /// <summary>The ODs that handed in the plan: those named, else the assessed OD alone.</summary>
        public IReadOnlyList<string> Indieners => PlanVanAanpak.Omgevingsdiensten is { Count: > 0 } codes ? codes : [Omgevingsdienst];

        public RegistreerPlanVanAanpak.Verzoek PlanVerzoek() =>
            new(Indieners, PlanVanAanpak.OntvangenOp, PlanVanAanpak.Versie, PlanVanAanpak.Document);

        public LegOordeelVast.Verzoek OordeelVerzoek() => new(Oordeel, Tekortkomingen, GesprekOp, Opmerkingen, Geadresseerde);
    }

    /// <summary>The plan of approach; <c>omgevingsdiensten</c> only for a joint plan (default: the assessed OD).</summary>
    public sealed record Plan(DateOnly OntvangenOp, string Versie, RegistreerPlanVanAanpak.Document Document,
        IReadOnlyList<string>? Omgevingsdiensten = null);

    /// <summary>One annex row (see <see cref="CriteriumScore"/> for the codes).</summary>
    public sealed record Rij(int Nummer, string? SpecifiekeVraag, string? Maatregel, string? Duiding, IReadOnlyList<string> Bronnen,
        int? StaatInPva, int? Haalbaarheid)
    {
        public ScoorCriterium.Verzoek AlsScore() => new(SpecifiekeVraag, Maatregel, Duiding, Bronnen, StaatInPva, Haalbaarheid);

        public bool StaatAlIn(CriteriumScore? score) => score is not null && score.SpecifiekeVraag == SpecifiekeVraag
            && score.Maatregel == Maatregel && score.Duiding == Duiding && score.Bronnen.SequenceEqual(Bronnen)
            && score.StaatInPva == StaatInPva && score.Haalbaarheid == Haalbaarheid;
    }

    // The API's wire conventions, stricter still: a seed file with a missing or misspelt field fails to load.
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        HttpDefaults.Extensions.ConfigureJson(json);
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
        return json;
    }

    private static T LeesBestand<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
