using JasperFx.Events;
using RobuustOD.Contracts.Register;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.EventBackbone.Outgoing;

namespace RobuustOD.Registry;

/// <summary>
/// The register's stored events as the outside world sees them: the contract events of
/// <c>RobuustOD.Contracts.Register</c>, published on topic <c>register</c>. The OD code is the stream key.
/// </summary>
public sealed class RegisterEventMapper : IIntegrationEventMapper
{
    public object? Map(IEvent stored)
    {
        var code = stored.StreamKey!;
        return stored.Data switch
        {
            OmgevingsdienstGeregistreerd e => new OmgevingsdienstGeregistreerdV1(code, e.Naam, e.Provincies, e.AantalDeelnemers, e.OpgerichtOp, e.Voorgangers),
            OmgevingsdienstGewijzigd e => new OmgevingsdienstGewijzigdV1(code, e.Naam, e.Provincies, e.AantalDeelnemers),
            SevesoAangewezen e => new SevesoAangewezenV1(code, e.Provincies, e.Ingangsdatum),
            SevesoIngetrokken e => new SevesoIngetrokkenV1(code, e.Einddatum),
            FusieAangekondigd e => new FusieAangekondigdV1(code, e.Opvolger, e.OpvolgerNaam, e.Deelnemers, e.Ingangsdatum, e.AangekondigdOp),
            FusieVoltooid e => new FusieVoltooidV1(code, e.Opvolger, e.Ingangsdatum),
            FusieGeannuleerd e => new FusieGeannuleerdV1(code, e.Opvolger, e.Reden),
            Opgesplitst e => new OpgesplitstV1(code, e.Opvolgers, e.Ingangsdatum),
            ZelftoetsVastgelegd e => new ZelftoetsVastgelegdV1(code, e.Robuust, e.BeoordeeldOp),
            _ => null,
        };
    }
}
