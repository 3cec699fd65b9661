using JasperFx.Events;
using RobuustOD.Contracts.Monitoring;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.Monitoring.Kamerrapportages;
using RobuustOD.Monitoring.Rapportages;

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
            _ => null,
        };
    }
}
