namespace RobuustOD.Contracts.Api;

// Response shapes every RobuustOD API shares, so that a client reads a link or a history the same way in each
// service. The summaries end up in the OpenAPI documents, which are Dutch: keep them Dutch.

public sealed record Link(string Href);

/// <summary>De gebeurtenissen van de stroom van één omgevingsdienst in deze dienst: wat, wanneer vastgelegd (UTC), en door wie.</summary>
public sealed record Historie(string Omgevingsdienst, IReadOnlyList<Gebeurtenis> Gebeurtenissen);

/// <summary>Eén vastgelegde gebeurtenis: haar naam in kebab-case zoals in de contracten (bijv. <c>fusie-voltooid</c>), haar versie in de stroom, wanneer (UTC), door wie, en haar gegevens zoals vastgelegd.</summary>
public sealed record Gebeurtenis(long Versie, string Type, DateTime GeregistreerdOp, string? Door, System.Text.Json.JsonElement Gegevens);
