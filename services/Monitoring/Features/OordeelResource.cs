using System.Text.Json.Serialization;
using Marten;
using RobuustOD.Contracts.Api;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Rapportages;

namespace RobuustOD.Monitoring.Features;

/// <summary>De inhoud van een oordeel: voortgang, uitkomst (code en naam), toelichting, het eindresultaat (alleen eindrapportage), door wie en wanneer.</summary>
public sealed record OordeelWeergave(Voortgang Voortgang, string Uitkomst, string UitkomstNaam, string Toelichting,
    Eindresultaat? RobuustOp1April2026, string Door, DateTimeOffset Op);

public sealed record OordeelLinks(Link Self, Link Rapportage, Link Escalaties);

/// <summary>
/// Het oordeel over een ingediende voortgangsrapportage: wat IenW vaststelde (null zolang dat niet is gebeurd) en, alleen
/// voor IenW en de beoordelaar, het concept van de beoordelaar; met de escalatiestappen die het opende.
/// </summary>
public sealed record OordeelResource(string Id, string Omgevingsdienst, string Ronde, string Status, OordeelWeergave? Vastgesteld,
    OordeelWeergave? Concept, int? RegelsVersie, IReadOnlyList<string> Escalaties, [property: JsonPropertyName("_links")] OordeelLinks Links)
{
    public static OordeelResource Van(string code, Oordeel oordeel, IReadOnlyDictionary<string, string> namen, bool metConcept,
        IEnumerable<Escalatie> escalaties, string basePath)
    {
        var id = RapportageId.Van(code, oordeel.Ronde);
        OordeelWeergave? Weergave(OordeelInhoud? i, string? door, DateTimeOffset? op) => i is null
            ? null
            : new(i.Voortgang, i.Uitkomst, namen.GetValueOrDefault(i.Uitkomst, i.Uitkomst), i.Toelichting, i.RobuustOp1April2026, door ?? "",
                op!.Value.ToUniversalTime());
        return new(id, code, oordeel.Ronde, oordeel.Vastgesteld is null ? "concept" : "vastgesteld",
            Weergave(oordeel.Vastgesteld, oordeel.VastgesteldDoor, oordeel.VastgesteldOp),
            metConcept ? Weergave(oordeel.Concept, oordeel.ConceptDoor, oordeel.ConceptOp) : null,
            oordeel.Vastgesteld is null ? null : oordeel.RegelsVersie,
            [.. escalaties.Where(e => e.Ronde == oordeel.Ronde).Select(e => e.Id).Order(StringComparer.Ordinal)],
            new OordeelLinks(new Link($"{basePath}/voortgangsrapportages/{id}/oordeel"), new Link($"{basePath}/voortgangsrapportages/{id}"),
                new Link($"{basePath}/escalaties?omgevingsdienst={code}")));
    }

    /// <summary>The names of every category ever used, latest name first, so that an old judgement keeps a readable name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamenAsync(IDocumentSession session, CancellationToken ct)
    {
        var categorieen = await session.Events.FetchLatest<Uitkomstcategorieen>(Uitkomstcategorieen.StreamKey, ct);
        var namen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in (categorieen?.Versies ?? []).AsEnumerable().Reverse().SelectMany(v => v.Categorieen))
        {
            namen.TryAdd(c.Code, c.Naam);
        }

        return namen;
    }

    public static async Task<OordeelResource> LaadAsync(Bijsturingsdossier dossier, string ronde, MonitoringContext ctx) =>
        Van(dossier.Id, dossier.Oordelen[ronde], await NamenAsync(ctx.Session, ctx.Ct), ctx.Lezer.IsIenwOfBeoordelaar,
            dossier.Escalaties.Values, ctx.Api.BasePath);
}
