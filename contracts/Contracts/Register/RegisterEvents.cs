using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Register;

// The register's integration events, version 1. Each carries the OD code (also the CloudEvent subject);
// dates are calendar dates (yyyy-MM-dd), effective dates unless the name says otherwise.

[IntegrationEvent("nl.robuustod.register.omgevingsdienst-geregistreerd.v1", PubSub.Topics.Register)]
public sealed record OmgevingsdienstGeregistreerdV1(
    string Code, string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers, DateOnly? OpgerichtOp,
    IReadOnlyList<string> Voorgangers);

[IntegrationEvent("nl.robuustod.register.omgevingsdienst-gewijzigd.v1", PubSub.Topics.Register)]
public sealed record OmgevingsdienstGewijzigdV1(string Code, string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers);

[IntegrationEvent("nl.robuustod.register.seveso-aangewezen.v1", PubSub.Topics.Register)]
public sealed record SevesoAangewezenV1(string Code, IReadOnlyList<string> Provincies, DateOnly? Ingangsdatum);

[IntegrationEvent("nl.robuustod.register.seveso-ingetrokken.v1", PubSub.Topics.Register)]
public sealed record SevesoIngetrokkenV1(string Code, DateOnly Einddatum);

[IntegrationEvent("nl.robuustod.register.fusie-aangekondigd.v1", PubSub.Topics.Register)]
public sealed record FusieAangekondigdV1(
    string Code, string Opvolger, string OpvolgerNaam, IReadOnlyList<string> Deelnemers, DateOnly Ingangsdatum, DateOnly AangekondigdOp);

/// <summary>The merger took effect: <see cref="Code"/> is dissolved on the ingangsdatum and continues as the opvolger.</summary>
[IntegrationEvent("nl.robuustod.register.fusie-voltooid.v1", PubSub.Topics.Register)]
public sealed record FusieVoltooidV1(string Code, string Opvolger, DateOnly Ingangsdatum);

[IntegrationEvent("nl.robuustod.register.fusie-geannuleerd.v1", PubSub.Topics.Register)]
public sealed record FusieGeannuleerdV1(string Code, string Opvolger, string? Reden);

[IntegrationEvent("nl.robuustod.register.opgesplitst.v1", PubSub.Topics.Register)]
public sealed record OpgesplitstV1(string Code, IReadOnlyList<string> Opvolgers, DateOnly Ingangsdatum);

[IntegrationEvent("nl.robuustod.register.zelftoets-vastgelegd.v1", PubSub.Topics.Register)]
public sealed record ZelftoetsVastgelegdV1(string Code, bool Robuust, DateOnly BeoordeeldOp);
