using System.Text.Json;
using JasperFx.Events;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.EventBackbone.Outgoing;

namespace RobuustOD.Assessment;

/// <summary>
/// What the assessment service tells the others (topic <c>beoordeling</c>): publications, verdict revisions,
/// changed traffic lights and the versions of the criteria catalogue. Drafts are internal and never leave the service.
/// </summary>
public sealed class BeoordelingEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored)
    {
        var code = stored.StreamKey!;
        return stored.Data switch
        {
            BeoordelingGepubliceerd e => new BeoordelingGepubliceerdV1(code, e.Ronde, e.Versie, Naam(e.Inhoud.Oordeel),
                [.. e.Inhoud.Criteria.Select(c => new CriteriumKleurV1(c.Nummer, c.StaatInPva, c.Haalbaarheid))]),
            OordeelHerzien e => new OordeelHerzienV1(code, e.Ronde, e.Versie, Naam(e.Oud), Naam(e.Nieuw), e.Reden),
            HaalbaarheidGewijzigd e => new CriteriumScoreGewijzigdV1(code, e.Ronde, e.Versie, e.Nummer, e.Oud, e.Nieuw),
            CriteriumVastgesteld e => new CriteriumVastgesteldV1(e.Nummer, e.Versie, e.Titel, e.Vraag,
                e.Drempel is { } d ? new DrempelV1(d.Omschrijving, d.Grootheid, d.Operator, d.Waarde, d.Eenheid) : null, e.Bron, e.VastgesteldOp),
            _ => null,
        };
    }

    private static string? Naam(Oordeel? oordeel) => oordeel is null ? null : JsonNamingPolicy.CamelCase.ConvertName(oordeel.Value.ToString());
}
