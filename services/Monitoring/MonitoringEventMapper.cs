using System.Text.Json;
using JasperFx.Events;
using RobuustOD.Contracts.Monitoring;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.Monitoring.Kamerrapportages;
using RobuustOD.Monitoring.Rapportages;
using RobuustOD.Monitoring.Bijsturing;

namespace RobuustOD.Monitoring;

/// <summary>
/// What this service tells the others (topic <c>monitoring</c>). Each stored event that others may see maps to its
/// integration event (a versioned record in contracts/Contracts); everything else (drafts) stays inside.
/// </summary>
public sealed class MonitoringEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored)
    {
        var code = stored.StreamKey!;
        return stored.Data switch
        {
            VoortgangsrapportageIngediend e => new VoortgangsrapportageIngediendV1(code, e.Ronde, e.Op),
            IndieningVastgelegd { IndienenUiterlijk: { } termijn, DagenTeLaat: > 0 and var dagen } e =>
                new VoortgangsrapportageTeLaatV1(code, e.Ronde, termijn, stored.Timestamp, dagen),
            VoortgangsrapportageVerzuimd e => new VoortgangsrapportageVerzuimdV1(code, e.Ronde, e.IndienenUiterlijk, e.Op),
            VerzuimOpgeheven e => new VerzuimOpgehevenV1(code, e.Ronde, e.IndienenUiterlijk, e.Reden, e.Op),
            VoortgangsrapportageGecorrigeerd e => new VoortgangsrapportageGecorrigeerdV1(code, e.Ronde, e.Versie, e.Reden, e.Door, e.Op),
            KamerrapportageVastgesteld e => new KamerrapportageVastgesteldV1(e.Periode, e.Versie, e.Inhoud.Peildatum, e.Op),
            // Judgement and escalation (Bijsturing): the assessor's drafts and the planning of a step stay inside.
            VoortgangBeoordeeld e => new VoortgangBeoordeeldV1(stored.StreamKey!, e.Ronde, Naam(e.Inhoud.Voortgang), e.Inhoud.Uitkomst,
                e.Inhoud.Toelichting, e.Inhoud.RobuustOp1April2026 is { } r ? Naam(r) : null, e.RegelsVersie, e.Op.ToUniversalTime()),
            EscalatieGeopend e => new EscalatieGeopendV1(stored.StreamKey!, e.Id, e.Ronde, Naam(e.Stap), e.Regel, e.RegelsVersie, e.Op.ToUniversalTime()),
            EscalatieAfgerond e => new EscalatieAfgerondV1(stored.StreamKey!, e.Id, e.Datum, e.Uitkomst, e.Vervolg, e.Besluit),
            GesprekVastgelegd e => new GesprekGevoerdV1(e.Id, Naam(e.Soort), e.Datum, e.Omgevingsdiensten, e.Provincies, e.Uitkomst, e.Escalatie),
            BesluitVastgelegd e => new BesluitMaatregelenGenomenV1(e.Id, e.Inhoud, e.Datum, e.GenomenDoor, e.Omgevingsdiensten, e.Escalaties),
            EindresultaatVastgelegd e => new EindresultaatVastgelegdV1(stored.StreamKey!, Naam(e.Robuust), e.Op.ToUniversalTime()),
            _ => null,
        };
    }

    private static string Naam<T>(T waarde)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(waarde.ToString());
}
