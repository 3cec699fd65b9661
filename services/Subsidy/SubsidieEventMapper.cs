using System.Text.Json;
using JasperFx.Events;
using RobuustOD.Contracts.Subsidie;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy;

/// <summary>
/// What this service tells the others (topic <c>subsidie</c>). Each stored event that others may see maps to its
/// integration event (a versioned record in contracts/Contracts/Subsidie); everything else (drafts, the budget's own
/// bookings, the scheme's versions) stays inside. The request's id is its stream key without the prefix.
/// </summary>
public sealed class SubsidieEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored)
    {
        var aanvraag = stored.StreamKey is { } key && key.StartsWith("aanvraag-", StringComparison.Ordinal) ? key["aanvraag-".Length..] : null;
        if (aanvraag is null)
        {
            return null;
        }

        return stored.Data switch
        {
            AanvraagIngediend e => new AanvraagIngediendV1(aanvraag, e.Regeling, e.RegelingVersie, e.Omgevingsdienst, e.AangevraagdBedrag, e.Op),
            InformatieGevraagd e => new InformatieGevraagdV1(aanvraag, e.Op),
            AanvraagVerleend e => new SubsidieVerleendV1(aanvraag, e.Bedrag, e.PerActiviteit, e.Op),
            AanvraagGeweigerd e => new SubsidieGeweigerdV1(aanvraag, e.Op),
            BetalingGedaan e => new SubsidieBetaaldV1(aanvraag, Naam(e.Soort), e.Bedrag, e.Op),
            SubsidieVastgesteld e => new SubsidieVastgesteldV1(aanvraag, e.Bedrag, e.Vrijgevallen, e.Op),
            TerugvorderingVastgesteld e => new TerugvorderingVastgesteldV1(aanvraag, e.Bedrag, e.Op),
            BezwaarBeslist e => new BezwaarBeslistV1(aanvraag, Naam(e.Uitkomst), e.NieuwBedrag, e.Op),
            _ => null,
        };
    }

    private static string Naam<T>(T waarde)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());
}
