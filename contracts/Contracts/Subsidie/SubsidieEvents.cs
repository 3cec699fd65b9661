using RobuustOD.Contracts.Eventing;

namespace RobuustOD.Contracts.Subsidie;

// The subsidy service's integration events, version 1, on the subsidie topic. The CloudEvent subject (and partition key)
// is the request's stream, "aanvraag-<id>", so the events of one request arrive in order; Aanvraag is the request's id
// (32 hex digits). AanvraagIngediendV1 names the scheme and the OD; the later events of a request refer to it by id.
// Amounts are euros with two decimals.

[IntegrationEvent("nl.robuustod.subsidie.aanvraag-ingediend.v1", PubSub.Topics.Subsidie)]
public sealed record AanvraagIngediendV1(string Aanvraag, string Regeling, int RegelingVersie, string Omgevingsdienst, decimal AangevraagdBedrag,
    DateTimeOffset IngediendOp);

/// <summary>The scheme's owner asked for more information; the decision period is suspended until the OD answers.</summary>
[IntegrationEvent("nl.robuustod.subsidie.informatie-gevraagd.v1", PubSub.Topics.Subsidie)]
public sealed record InformatieGevraagdV1(string Aanvraag, DateTimeOffset GevraagdOp);

/// <summary>Granted (in full or in part); the amount is committed against the scheme's ceiling.</summary>
[IntegrationEvent("nl.robuustod.subsidie.subsidie-verleend.v1", PubSub.Topics.Subsidie)]
public sealed record SubsidieVerleendV1(string Aanvraag, decimal Bedrag, IReadOnlyList<decimal> PerActiviteit, DateTimeOffset VerleendOp);

[IntegrationEvent("nl.robuustod.subsidie.subsidie-geweigerd.v1", PubSub.Topics.Subsidie)]
public sealed record SubsidieGeweigerdV1(string Aanvraag, DateTimeOffset GeweigerdOp);

/// <summary>A payment: "voorschot" (the advance at the grant) or "eindbetaling" (after settlement).</summary>
[IntegrationEvent("nl.robuustod.subsidie.subsidie-betaald.v1", PubSub.Topics.Subsidie)]
public sealed record SubsidieBetaaldV1(string Aanvraag, string Soort, decimal Bedrag, DateTimeOffset BetaaldOp);

/// <summary>Settled at most at the granted amount; what was not settled is released to the budget.</summary>
[IntegrationEvent("nl.robuustod.subsidie.subsidie-vastgesteld.v1", PubSub.Topics.Subsidie)]
public sealed record SubsidieVastgesteldV1(string Aanvraag, decimal Bedrag, decimal Vrijgevallen, DateTimeOffset VastgesteldOp);

/// <summary>The advance paid was higher than the settled amount: this much is claimed back.</summary>
[IntegrationEvent("nl.robuustod.subsidie.terugvordering-vastgesteld.v1", PubSub.Topics.Subsidie)]
public sealed record TerugvorderingVastgesteldV1(string Aanvraag, decimal Bedrag, DateTimeOffset VastgesteldOp);

/// <summary>The objection was decided: "gegrond" or "ongegrond"; NieuwBedrag is the granted amount it set (null: unchanged).</summary>
[IntegrationEvent("nl.robuustod.subsidie.bezwaar-beslist.v1", PubSub.Topics.Subsidie)]
public sealed record BezwaarBeslistV1(string Aanvraag, string Uitkomst, decimal? NieuwBedrag, DateTimeOffset BeslistOp);
