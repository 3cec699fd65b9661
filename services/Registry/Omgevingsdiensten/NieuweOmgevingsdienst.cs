namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>An OD that a split or merger brings into the register (an opvolger), as a command names it.</summary>
public sealed record NieuweOmgevingsdienst(string Code, string Naam, IReadOnlyList<string> Provincies, int? AantalDeelnemers);
